package io.flare.benchmarks.pinot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.flare.benchmarks.support.CommandLine;

/**
 * What one table-design run does.
 *
 * @param events events to produce and ingest into each variant
 * @param queries measured runs of each query on each variant
 * @param warmup unmeasured runs of each query on each variant before those
 * @param variants the table designs to compare, in order
 * @param keep keep the topic, tables and schemas at the end (for inspection)
 * @param freshnessLoad events/s of the background load during the second freshness round
 * @param freshnessProbes probes per freshness round
 * @param ingestTimeout how long one variant may take to ingest every event
 * @param seed the event generator's seed
 * @param settleTimeout how long to wait for the consuming segments to seal before
 * querying again (zero: don't)
 * @param tableConfig a candidate table config to measure instead of the repository's
 * (empty for the repository's)
 */
public record TableDesignOptions(long events, int queries, int warmup, List<Variant> variants, boolean keep,
		int freshnessLoad, int freshnessProbes, Duration ingestTimeout, long seed, Duration settleTimeout,
		Optional<Path> tableConfig) {

	/** The usage text of {@code benchmarks/run table-design}. */
	public static final String USAGE = """
			usage: benchmarks/run table-design [options]

			  --events N            events to produce and ingest into each variant (default 5000000)
			  --queries N           measured runs of each query on each variant (default 200)
			  --warmup N            unmeasured runs first (default 20)
			  --variants LIST       star, plain or both (default star,plain)
			  --keep                keep the topic, tables and schemas afterwards
			  --freshness-load N    events/s of background load in the loaded freshness round (default 5000)
			  --freshness-probes N  probes per freshness round (default 100)
			  --ingest-timeout D    deadline for one variant's ingestion, e.g. 30m (default 30m)
			  --seed N              event generator seed (default 42)
			  --settle-timeout D    after the queries, wait up to D for the consuming segments to seal and query
			                        again (default 8m; 0 skips)
			  --table-config FILE   measure this candidate table config instead of table-configs/events.table.json
			""";

	private static final Set<String> VALUED = Set.of("events", "queries", "warmup", "variants", "freshness-load",
			"freshness-probes", "ingest-timeout", "seed", "settle-timeout", "table-config");

	public TableDesignOptions {
		variants = List.copyOf(variants);
		if (variants.isEmpty()) {
			throw new IllegalArgumentException("variants must name at least one variant");
		}
	}

	/**
	 * Reads the options of {@code benchmarks/run table-design}.
	 * @param args the arguments after {@code table-design}
	 * @return the options, defaults filled in
	 */
	public static TableDesignOptions parse(List<String> args) {
		CommandLine line = CommandLine.parse(args, VALUED, Set.of("keep"));
		return new TableDesignOptions(line.number("events", 5_000_000, 1_000), line.integer("queries", 200, 1),
				line.integer("warmup", 20, 0), Variant.parseList(line.string("variants", "star,plain")),
				line.flag("keep"), line.integer("freshness-load", 5_000, 0), line.integer("freshness-probes", 100, 1),
				line.duration("ingest-timeout", Duration.ofMinutes(30)), line.number("seed", 42, Long.MIN_VALUE),
				settleTimeout(line), Optional.ofNullable(line.string("table-config", null)).map(Path::of));
	}

	private static Duration settleTimeout(CommandLine line) {
		return "0".equals(line.string("settle-timeout", null)) ? Duration.ZERO
				: line.duration("settle-timeout", Duration.ofMinutes(8));
	}

	/**
	 * The options as the results file records them.
	 * @return option name to value, in the usage's order
	 */
	public Map<String, Object> describe() {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("events", this.events);
		described.put("queries", this.queries);
		described.put("warmup", this.warmup);
		described.put("variants", this.variants.stream().map(Variant::id).toList());
		described.put("keep", this.keep);
		described.put("freshnessLoad", this.freshnessLoad);
		described.put("freshnessProbes", this.freshnessProbes);
		described.put("ingestTimeout", this.ingestTimeout.toString());
		described.put("seed", this.seed);
		described.put("settleTimeout", this.settleTimeout.toString());
		described.put("tableConfig", this.tableConfig.map(Path::toString).orElse(TableVariants.TABLE_FILE));
		return described;
	}

	/**
	 * Whether both designs are measured, so they can be compared.
	 * @return {@code true} for {@code star,plain}
	 */
	public boolean compares() {
		return this.variants.contains(Variant.STAR) && this.variants.contains(Variant.PLAIN);
	}

}
