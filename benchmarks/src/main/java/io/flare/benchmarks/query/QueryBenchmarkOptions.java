package io.flare.benchmarks.query;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flare.benchmarks.support.CommandLine;
import io.flare.benchmarks.support.UsageException;

/**
 * The query benchmark's command line; the defaults are the real run, {@code --smoke}
 * changes them to a run of a few minutes that only shows the tool works.
 *
 * @param events simulator events the {@code events} table must hold in the last hour
 * @param reuseEvents load nothing when the table already holds that many in the last hour
 * @param requests measured sequential requests per metric and table of the star-tree
 * against plain-table comparison
 * @param warmup unmeasured requests before them (before the uncached span too, per metric
 * and path)
 * @param uncachedSpan how long Pinot direct and the uncaching service are measured, every
 * metric in turn
 * @param cachedRequests measured sequential requests per metric to the caching service
 * @param cachedWarmup unmeasured requests before them: a cached answer takes a
 * millisecond, and until the service has answered a thousand or so its code is not yet
 * compiled (p50 3.6 ms over the first 200 answers of the 1,439-value metric, 1.0 ms after
 * 1,200)
 * @param clients concurrent clients of the throughput phase
 * @param duration how long the throughput phase measures
 * @param feedRate events/s of the live feed during the run (0: none)
 * @param ingestTimeout how long Pinot may take to ingest the events, per table
 * @param settleTimeout how long to wait for the segments holding the loaded rows to seal
 * before measuring ({@link Duration#ZERO}: measure at once)
 * @param seed the simulator's seed (its events' ids derive from it)
 * @param heap the query service's maximum heap
 * @param keep keep the plain table (and its schema) at the end
 * @param smoke whether the small-scale defaults were asked for
 */
record QueryBenchmarkOptions(long events, boolean reuseEvents, int requests, int warmup, Duration uncachedSpan,
		int cachedRequests, int cachedWarmup, int clients, Duration duration, int feedRate, Duration ingestTimeout,
		Duration settleTimeout, long seed, String heap, boolean keep, boolean smoke) {

	static final String USAGE = """
			benchmarks/run query [--events 5000000] [--requests 200] [--warmup 50] [--uncached-span 5m]
			                     [--cached-requests 1000]
			                     [--cached-warmup 1000] [--clients 50] [--duration 30s] [--reuse-events]
			                     [--feed-rate <events/h / 3600>] [--ingest-timeout 30m] [--settle-timeout 8m]
			                     [--seed <run start, epoch s>] [--heap 1g] [--keep] [--smoke]

			  --requests N    sequential requests per metric and table (star-tree, plain) of the comparison
			  --warmup N      unmeasured requests per metric before it, and before the uncached span
			  --uncached-span D  how long Pinot direct and the uncaching service are timed on events alone (the
			                  target figures): every metric in turn, round after round, so each samples the
			                  same minutes, segment seals included at the feed's own rate
			  --cached-requests N, --cached-warmup N  the same to the caching service (answers of a millisecond:
			                  more of them, and a service that has answered enough to have its code compiled)
			  --smoke         small scale, to check the tool works: --events 200000 --requests 30 --warmup 5
			                  --uncached-span 15s
			                  --cached-requests 100 --cached-warmup 100 --duration 10s --settle-timeout 0
			                  (options given explicitly still win); its figures mean little
			  --settle-timeout D  before measuring, wait up to D for the segments that hold the loaded rows to
			                  seal (steady operation); 0 measures right after the load
			  --reuse-events  load nothing if the events table already holds --events rows in the last hour
			  --keep          keep the plain (no star-tree) table and its schema at the end
			""";

	private static final Set<String> VALUED = Set.of("events", "requests", "warmup", "uncached-span", "cached-requests",
			"cached-warmup", "clients", "duration", "feed-rate", "ingest-timeout", "settle-timeout", "seed", "heap");

	private static final Set<String> FLAGS = Set.of("reuse-events", "keep", "smoke", "help");

	/**
	 * Reads the options.
	 * @param args the arguments after {@code query}
	 * @param defaultSeed the seed when {@code --seed} is absent
	 * @return the options
	 * @throws UsageException on a bad command line
	 */
	static QueryBenchmarkOptions parse(List<String> args, long defaultSeed) {
		CommandLine line = CommandLine.parse(args, VALUED, FLAGS);
		boolean smoke = line.flag("smoke");
		long events = line.number("events", smoke ? 200_000 : 5_000_000, 1_000);
		int requests = line.integer("requests", smoke ? 30 : 200, 10);
		int warmup = line.integer("warmup", smoke ? 5 : 50, 0);
		Duration uncachedSpan = line.duration("uncached-span", smoke ? Duration.ofSeconds(15) : Duration.ofMinutes(5));
		int cachedRequests = line.integer("cached-requests", smoke ? 100 : 1_000, 10);
		int cachedWarmup = line.integer("cached-warmup", smoke ? 100 : 1_000, 0);
		int clients = line.integer("clients", 50, 1);
		Duration duration = line.duration("duration", smoke ? Duration.ofSeconds(10) : Duration.ofSeconds(30));
		int feedRate = line.integer("feed-rate", (int) Math.max(1, events / 3600), 0);
		Duration ingestTimeout = line.duration("ingest-timeout", Duration.ofMinutes(30));
		Duration settleTimeout = "0".equals(line.string("settle-timeout", null)) ? Duration.ZERO
				: line.duration("settle-timeout", smoke ? Duration.ZERO : Duration.ofMinutes(8));
		long seed = line.number("seed", defaultSeed, Long.MIN_VALUE);
		String heap = line.string("heap", "1g");
		if (!heap.matches("[0-9]+[kmgKMG]")) {
			throw new UsageException("--heap must be a size such as 512m or 1g, was '" + heap + "'");
		}
		return new QueryBenchmarkOptions(events, line.flag("reuse-events"), requests, warmup, uncachedSpan,
				cachedRequests, cachedWarmup, clients, duration, feedRate, ingestTimeout, settleTimeout, seed, heap,
				line.flag("keep"), smoke);
	}

	/**
	 * The options as the results file records them.
	 * @return option name (as on the command line) to value
	 */
	Map<String, Object> asJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("events", this.events);
		json.put("reuseEvents", this.reuseEvents);
		json.put("requests", this.requests);
		json.put("warmup", this.warmup);
		json.put("uncachedSpan", this.uncachedSpan.toString());
		json.put("cachedRequests", this.cachedRequests);
		json.put("cachedWarmup", this.cachedWarmup);
		json.put("clients", this.clients);
		json.put("duration", this.duration.toString());
		json.put("feedRate", this.feedRate);
		json.put("ingestTimeout", this.ingestTimeout.toString());
		json.put("settleTimeout", this.settleTimeout.toString());
		json.put("seed", this.seed);
		json.put("heap", this.heap);
		json.put("keep", this.keep);
		json.put("smoke", this.smoke);
		return json;
	}

}
