package io.flare.simulator.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Football matches: kickoff, goal, card, final. A live match is a burst of goals and
 * cards between its kickoff and its final whistle.
 */
final class SportsFeed extends BurstingFeed {

	/** The league of a match follows the country of its stadium. */
	private static final Map<String, String> LEAGUES = Map.of("GB", "premier-league", "ES", "la-liga", "IT", "serie-a",
			"DE", "bundesliga", "FR", "ligue-1", "US", "mls", "CA", "mls", "JP", "j1-league", "BR", "brasileirao", "MX",
			"liga-mx");

	private static final int FULL_TIME = 90;

	private static final String[] MINUTES = minutes();

	private final Weighted<String> types = new Weighted<>(List.of("kickoff", "goal", "card", "final"), 2, 3, 4, 1);

	SportsFeed(int size, double zipfExponent, Weighted<GeneratedLocation> cities, SplittableRandom random) {
		super("sports", new EntityPool("match", size, zipfExponent, cities, random),
				new Weighted<>(List.of("scoreline", "pitchside-data"), 0.6, 0.4), cities,
				new BurstShape(0.004, 0.35, 8, 40));
	}

	@Override
	Draft burstEvent(SplittableRandom random, Burst match) {
		if (match.opening()) {
			return event(random, "kickoff", match.entity(), 0, 0);
		}
		if (match.closing()) {
			return event(random, "final", match.entity(), match.tally(), FULL_TIME);
		}
		int minute = (int) Math.round(match.progress() * FULL_TIME);
		if (random.nextDouble() < 0.55) {
			match.addToTally(1);
			return event(random, "goal", match.entity(), 1, minute);
		}
		return event(random, "card", match.entity(), 0, minute);
	}

	@Override
	Draft backgroundEvent(SplittableRandom random, int match) {
		String type = this.types.pick(random);
		double value = switch (type) {
			case "goal" -> 1;
			case "final" -> random.nextInt(7);
			default -> 0;
		};
		return event(random, type, match, value, random.nextInt(FULL_TIME + 1));
	}

	private Draft event(SplittableRandom random, String type, int match, double value, int minute) {
		String league = LEAGUES.getOrDefault(pool().home(match).country(), "international");
		return atHome(random, type, match, value, Attributes.of("league", league, "minute", MINUTES[minute], "side",
				random.nextBoolean() ? "home" : "away"));
	}

	private static String[] minutes() {
		String[] minutes = new String[FULL_TIME + 1];
		for (int i = 0; i <= FULL_TIME; i++) {
			minutes[i] = Integer.toString(i);
		}
		return minutes;
	}

}
