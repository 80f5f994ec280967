package io.flare.benchmarks.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flare.benchmarks.support.CommandLine;
import io.flare.benchmarks.support.UsageException;

/**
 * The options of {@code benchmarks/run gateway}; {@code --quick} changes the defaults to
 * a smoke run's (options given explicitly still win).
 *
 * @param rate background events/s posted to ingest during the whole run
 * @param warmup background load before the first phase
 * @param probes probe events in phase 1
 * @param probeInterval time between probes
 * @param probeWait how long to wait for the last probes' updates
 * @param subscriptions concurrent subscriptions in phase 2
 * @param distinct distinct (metric, parameters) keys they spread over
 * @param connections RSocket connections carrying them
 * @param establishTimeout how long phase 2 waits for every first snapshot
 * @param subscribers identical subscribers of phase 3's second interval
 * @param interval each of phase 3's two measured intervals
 * @param gatewayHeap the gateway's {@code -Xmx}
 * @param phases the phases to run: {@code push}, {@code fanout}, {@code queries}
 */
record GatewayOptions(int rate, Duration warmup, int probes, Duration probeInterval, Duration probeWait,
		int subscriptions, int distinct, int connections, Duration establishTimeout, int subscribers, Duration interval,
		String gatewayHeap, Set<String> phases) {

	static final String USAGE = """
			benchmarks/run gateway [--quick] [--rate 10000] [--warmup 15s]
			                       [--probes 120] [--probe-interval 1s] [--probe-wait 30s]
			                       [--subscriptions 10000] [--distinct 1000] [--connections 10] [--establish-timeout 5m]
			                       [--subscribers 1000] [--interval 60s] [--gateway-heap 1g]
			                       [--phases push,fanout,queries]
			  --quick   a smoke run: --rate 1000 --warmup 5s --probes 20 --probe-wait 20s --subscriptions 1000
			            --distinct 100 --connections 4 --establish-timeout 2m --subscribers 1000 --interval 20s
			""";

	static final Set<String> PHASES = Set.of("push", "fanout", "queries");

	private static final Set<String> VALUED = Set.of("rate", "warmup", "probes", "probe-interval", "probe-wait",
			"subscriptions", "distinct", "connections", "establish-timeout", "subscribers", "interval", "gateway-heap",
			"phases");

	/**
	 * Reads the command line.
	 * @param args the arguments after {@code gateway}
	 * @return the options
	 * @throws UsageException on a bad command line
	 */
	static GatewayOptions parse(List<String> args) {
		CommandLine line = CommandLine.parse(args, VALUED, Set.of("quick", "help"));
		boolean quick = line.flag("quick");
		int subscriptions = line.integer("subscriptions", quick ? 1_000 : 10_000, 1);
		int distinct = line.integer("distinct", quick ? 100 : 1_000, 1);
		int connections = line.integer("connections", quick ? 4 : 10, 1);
		atMost("--distinct", distinct, "--subscriptions", subscriptions);
		atMost("--connections", connections, "--subscriptions", subscriptions);
		String heap = line.string("gateway-heap", "1g");
		if (!heap.matches("[1-9][0-9]*[kmgKMG]")) {
			throw new UsageException("--gateway-heap must be a JVM size such as 1g or 768m, was '" + heap + "'");
		}
		return new GatewayOptions(line.integer("rate", quick ? 1_000 : 10_000, 0),
				line.duration("warmup", Duration.ofSeconds(quick ? 5 : 15)),
				line.integer("probes", quick ? 20 : 120, 1), line.duration("probe-interval", Duration.ofSeconds(1)),
				line.duration("probe-wait", Duration.ofSeconds(quick ? 20 : 30)), subscriptions, distinct, connections,
				line.duration("establish-timeout", Duration.ofMinutes(quick ? 2 : 5)),
				line.integer("subscribers", 1_000, 1), line.duration("interval", Duration.ofSeconds(quick ? 20 : 60)),
				heap, phases(line.string("phases", "push,fanout,queries")));
	}

	private static void atMost(String name, int value, String otherName, int other) {
		if (value > other) {
			throw new UsageException(name + " (" + value + ") cannot exceed " + otherName + " (" + other + ")");
		}
	}

	private static Set<String> phases(String text) {
		Set<String> phases = new LinkedHashSet<>();
		for (String phase : text.split(",")) {
			String name = phase.strip();
			if (!PHASES.contains(name)) {
				throw new UsageException(
						"--phases takes push, fanout and queries (comma-separated), was '" + text + "'");
			}
			phases.add(name);
		}
		return Set.copyOf(phases);
	}

	boolean runs(String phase) {
		return this.phases.contains(phase);
	}

	/** The options as the results file records them. */
	Map<String, Object> asJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("rate", this.rate);
		json.put("warmup", this.warmup.toString());
		json.put("probes", this.probes);
		json.put("probeInterval", this.probeInterval.toString());
		json.put("probeWait", this.probeWait.toString());
		json.put("subscriptions", this.subscriptions);
		json.put("distinct", this.distinct);
		json.put("connections", this.connections);
		json.put("establishTimeout", this.establishTimeout.toString());
		json.put("subscribers", this.subscribers);
		json.put("interval", this.interval.toString());
		json.put("gatewayHeap", this.gatewayHeap);
		json.put("phases", PHASES.stream().filter(this.phases::contains).sorted().toList());
		return json;
	}

}
