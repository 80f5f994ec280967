package io.flare.simulator.generate;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * A category's feed: background events over Zipf-popular entities, and from time to time
 * a burst about one entity that takes a large share of the feed until it ends.
 */
abstract class BurstingFeed {

	private final String category;

	private final EntityPool pool;

	private final Weighted<String> sources;

	private final Weighted<GeneratedLocation> cities;

	private final BurstShape shape;

	private final Burst burst = new Burst();

	BurstingFeed(String category, EntityPool pool, Weighted<String> sources, Weighted<GeneratedLocation> cities,
			BurstShape shape) {
		this.category = category;
		this.pool = pool;
		this.sources = sources;
		this.cities = cities;
		this.shape = shape;
	}

	final String category() {
		return this.category;
	}

	final EntityPool pool() {
		return this.pool;
	}

	final Draft next(SplittableRandom random) {
		if (!this.burst.active() && random.nextDouble() < this.shape.startChance()) {
			this.burst.start(this.pool.sample(random), this.shape.length(random));
		}
		if (this.burst.active() && random.nextDouble() < this.shape.share()) {
			Draft draft = burstEvent(random, this.burst);
			this.burst.advance();
			return draft;
		}
		return backgroundEvent(random, this.pool.sample(random));
	}

	/** The event for the burst's current step. */
	abstract Draft burstEvent(SplittableRandom random, Burst burst);

	/** An ordinary event about an entity. */
	abstract Draft backgroundEvent(SplittableRandom random, int entity);

	/** A draft placed at the entity's home city (a stadium, a venue, a newsroom). */
	final Draft atHome(SplittableRandom random, String type, int entity, double value, Map<String, String> attributes) {
		return new Draft(this.sources.pick(random), type, this.pool.id(entity), this.pool.home(entity), value,
				attributes);
	}

	/** A draft placed wherever the audience is. */
	final Draft anywhere(SplittableRandom random, String type, int entity, double value,
			Map<String, String> attributes) {
		return new Draft(this.sources.pick(random), type, this.pool.id(entity), this.cities.pick(random), value,
				attributes);
	}

	/** Rounds to two decimals, so prices and revenues print short. */
	static double cents(double amount) {
		return Math.round(amount * 100) / 100.0;
	}

	/** A value between min and max whose order of magnitude is uniform. */
	static double logUniform(SplittableRandom random, double min, double max) {
		return min * Math.pow(max / min, random.nextDouble());
	}

}
