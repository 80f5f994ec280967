package io.flare.simulator.generate;

import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes fresh events: picks a feed, asks it for a draft, and adds the event id and the
 * event time (in the past for late events).
 */
final class EventFactory {

	static final int CATEGORY_COUNT = 4;

	private static final long MIN_LATENESS_MILLIS = 1_000;

	private final SplittableRandom random;

	private final InstantSource clock;

	private final Weighted<BurstingFeed> feeds;

	private final String runTag;

	private final double lateFraction;

	private final long maxLatenessMillis;

	private long counter;

	EventFactory(GeneratorProperties properties, InstantSource clock, SplittableRandom random) {
		this.random = random;
		this.clock = clock;
		this.runTag = hex8(random.nextInt());
		this.feeds = feeds(properties, random);
		this.lateFraction = properties.lateFraction();
		this.maxLatenessMillis = properties.maxLateness().toMillis();
	}

	GeneratedEvent next() {
		BurstingFeed feed = this.feeds.pick(this.random);
		Draft draft = feed.next(this.random);
		long eventTime = this.clock.millis();
		if (this.lateFraction > 0 && this.random.nextDouble() < this.lateFraction) {
			eventTime -= lateness();
		}
		String eventId = draft.source() + '-' + this.runTag + '-' + (++this.counter);
		return new GeneratedEvent(eventId, draft.source(), feed.category(), draft.type(), draft.entityId(), eventTime,
				draft.location(), draft.value(), draft.attributes());
	}

	/** Seconds to minutes: at least one second unless the maximum is smaller. */
	private long lateness() {
		long min = Math.min(MIN_LATENESS_MILLIS, this.maxLatenessMillis);
		return min + this.random.nextLong(this.maxLatenessMillis - min + 1);
	}

	private static Weighted<BurstingFeed> feeds(GeneratorProperties properties, SplittableRandom random) {
		int each = properties.entityCount() / CATEGORY_COUNT;
		int first = each + properties.entityCount() % CATEGORY_COUNT;
		double zipf = properties.zipfExponent();
		Weighted<GeneratedLocation> cities = Cities.weighted();
		List<BurstingFeed> feeds = List.of(new SportsFeed(first, zipf, cities, random),
				new NewsFeed(each, zipf, cities, random), new TicketFeed(each, zipf, cities, random),
				new MovieFeed(each, zipf, cities, random));
		return new Weighted<>(feeds, 0.3, 0.25, 0.25, 0.2);
	}

	private static String hex8(int bits) {
		String hex = Integer.toHexString(bits);
		return "0".repeat(8 - hex.length()) + hex;
	}

}
