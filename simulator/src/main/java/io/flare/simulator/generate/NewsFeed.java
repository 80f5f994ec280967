package io.flare.simulator.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Breaking news: headline and update, valued in shares. A viral story is a burst of
 * updates whose reach keeps growing.
 */
final class NewsFeed extends BurstingFeed {

	private static final List<String> TOPICS = List.of("politics", "business", "science", "sport", "culture", "weather",
			"technology", "health");

	private final Weighted<String> types = new Weighted<>(List.of("headline", "update"), 2, 3);

	NewsFeed(int size, double zipfExponent, Weighted<GeneratedLocation> cities, SplittableRandom random) {
		super("news", new EntityPool("story", size, zipfExponent, cities, random),
				new Weighted<>(List.of("newsdesk-wire", "pressline", "civic-bulletin"), 0.5, 0.3, 0.2), cities,
				new BurstShape(0.001, 0.5, 500, 5000));
	}

	@Override
	Draft burstEvent(SplittableRandom random, Burst story) {
		if (story.opening()) {
			return atHome(random, "headline", story.entity(), 1, attributes(story.entity(), "breaking"));
		}
		double reach = 10 + 5000 * story.progress() * story.progress() * (0.5 + random.nextDouble());
		return anywhere(random, "update", story.entity(), Math.round(reach), attributes(story.entity(), "breaking"));
	}

	@Override
	Draft backgroundEvent(SplittableRandom random, int story) {
		String type = this.types.pick(random);
		double shares = 1 + random.nextInt(50);
		if ("headline".equals(type)) {
			return atHome(random, type, story, shares, attributes(story, "routine"));
		}
		return anywhere(random, type, story, shares, attributes(story, "routine"));
	}

	private static Map<String, String> attributes(int story, String urgency) {
		return Attributes.of("topic", TOPICS.get(story % TOPICS.size()), "urgency", urgency);
	}

}
