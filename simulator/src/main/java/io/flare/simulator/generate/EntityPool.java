package io.flare.simulator.generate;

import java.util.SplittableRandom;

/**
 * The entities of one category (ids like {@code movie-000123}), with Zipf popularity over
 * a seeded shuffle, and a home city for each.
 */
final class EntityPool {

	private static final int ID_DIGITS = 6;

	private final String[] ids;

	private final int[] byRank;

	private final GeneratedLocation[] homes;

	private final WeightedIndex popularity;

	EntityPool(String prefix, int size, double zipfExponent, Weighted<GeneratedLocation> cities,
			SplittableRandom random) {
		this.ids = new String[size];
		this.homes = new GeneratedLocation[size];
		for (int i = 0; i < size; i++) {
			this.ids[i] = prefix + '-' + padded(i + 1);
			this.homes[i] = cities.pick(random);
		}
		this.byRank = shuffledIdentity(size, random);
		this.popularity = WeightedIndex.zipf(size, zipfExponent);
	}

	int size() {
		return this.ids.length;
	}

	/** A Zipf-distributed entity: few are very popular, most are rarely seen. */
	int sample(SplittableRandom random) {
		return this.byRank[this.popularity.sample(random)];
	}

	String id(int entity) {
		return this.ids[entity];
	}

	/** Where the entity is based: a match's stadium, a show's venue. */
	GeneratedLocation home(int entity) {
		return this.homes[entity];
	}

	private static String padded(int number) {
		String digits = Integer.toString(number);
		return (digits.length() >= ID_DIGITS) ? digits : "0".repeat(ID_DIGITS - digits.length()) + digits;
	}

	private static int[] shuffledIdentity(int size, SplittableRandom random) {
		int[] order = new int[size];
		for (int i = 0; i < size; i++) {
			order[i] = i;
		}
		for (int i = size - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

}
