package io.flare.simulator.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Movies: release, trailer, review, boxoffice. An opening weekend is a burst of
 * box-office figures and reviews after the release.
 */
final class MovieFeed extends BurstingFeed {

	private static final List<String> GENRES = List.of("action", "comedy", "drama", "horror", "animation", "sci-fi",
			"documentary", "thriller");

	private static final List<String> FORMATS = List.of("theatrical", "streaming", "imax");

	private final Weighted<String> types = new Weighted<>(List.of("release", "trailer", "review", "boxoffice"), 1, 5, 8,
			6);

	MovieFeed(int size, double zipfExponent, Weighted<GeneratedLocation> cities, SplittableRandom random) {
		super("movies", new EntityPool("movie", size, zipfExponent, cities, random),
				new Weighted<>(List.of("reelwire", "marquee-feed"), 0.5, 0.5), cities,
				new BurstShape(0.002, 0.3, 100, 800));
	}

	@Override
	Draft burstEvent(SplittableRandom random, Burst opening) {
		if (opening.opening()) {
			return event(random, "release", opening.entity(), 2000 + random.nextInt(2500));
		}
		if (random.nextDouble() < 0.6) {
			return event(random, "boxoffice", opening.entity(), cents(logUniform(random, 50_000, 20_000_000)));
		}
		return event(random, "review", opening.entity(), score(random));
	}

	@Override
	Draft backgroundEvent(SplittableRandom random, int movie) {
		String type = this.types.pick(random);
		double value = switch (type) {
			case "release" -> 200 + random.nextInt(4300);
			case "trailer" -> Math.round(logUniform(random, 1_000, 2_000_000));
			case "review" -> score(random);
			default -> cents(logUniform(random, 5_000, 5_000_000));
		};
		return event(random, type, movie, value);
	}

	private Draft event(SplittableRandom random, String type, int movie, double value) {
		return anywhere(random, type, movie, value, Attributes.of("genre", GENRES.get(movie % GENRES.size()), "format",
				FORMATS.get(random.nextInt(FORMATS.size()))));
	}

	/** A review score from 1.0 to 10.0 in tenths. */
	private static double score(SplittableRandom random) {
		return (10 + random.nextInt(91)) / 10.0;
	}

}
