package io.flare.benchmarks.pinot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.flare.benchmarks.support.UsageException;

/** A table design under test, derived from the repository's table config. */
public enum Variant {

	/** The repository's table config as it is (with its star-tree). */
	STAR,

	/** The same table config without {@code starTreeIndexConfigs}: the baseline. */
	PLAIN;

	/**
	 * The name used on the command line and in results.
	 * @return {@code star} or {@code plain}
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The Pinot table (and schema) name of this variant in a run.
	 * @param runId the run's id
	 * @return e.g. {@code bench_star_20261129t061502}
	 */
	public String tableName(String runId) {
		return "bench_" + id() + "_" + runId;
	}

	/**
	 * Reads a comma-separated list such as {@code star,plain}.
	 * @param text the list
	 * @return the variants, in the order given, without repeats
	 */
	public static List<Variant> parseList(String text) {
		List<Variant> variants = new ArrayList<>();
		for (String part : text.split(",")) {
			String id = part.trim().toLowerCase(Locale.ROOT);
			Variant variant = Arrays.stream(values())
				.filter((candidate) -> candidate.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new UsageException("Unknown variant '" + part.trim() + "'; known: star, plain"));
			if (!variants.contains(variant)) {
				variants.add(variant);
			}
		}
		return List.copyOf(variants);
	}

}
