package io.flare.benchmarks.query;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.flare.benchmarks.query.LatencyPhase.Answers;
import io.flare.benchmarks.query.LatencyPhase.Probes;
import io.flare.benchmarks.query.LatencyPhase.Samples;
import io.flare.benchmarks.support.LatencySummary;

/**
 * The uncached figures the targets are read from: every example on the star-tree table
 * alone, against Pinot directly and through the uncaching service, for a span of minutes
 * — round after round, each example in turn (the order rotating each round), Pinot direct
 * and the service alternating which goes first — so every example and both paths sample
 * the same minutes, seal waves included at the rate the live feed makes them. Two hundred
 * requests of one example in a row take about three seconds: they either miss every wave
 * or sit in one, and their p99 said which. Taken once the plain table is gone, whose
 * scans make Pinot collect garbage far more often and whose ingestion doubles every wave
 * of segment seals. Requests sent within {@link SealWatch#NEAR_MILLIS} of a seal are also
 * summarised apart, so what a wave costs stays visible.
 */
final class UncachedSpan {

	/** How often the span says how far it is. */
	private static final Duration PROGRESS = Duration.ofSeconds(30);

	private static final String DIRECT = "pinotDirect.star";

	private static final String SERVICE = "uncached.star";

	private final QueryServiceClient uncached;

	private final PinotDirect pinot;

	private final int warmup;

	private final PrintStream out;

	private final Runnable atFirstFailure;

	private final Probes probes;

	private final Map<String, String> sqls = new LinkedHashMap<>();

	private final Map<String, Failures> failures = new LinkedHashMap<>();

	private final Map<String, Samples> direct = new LinkedHashMap<>();

	private final Map<String, Samples> service = new LinkedHashMap<>();

	private final Map<String, Answers> directAnswers = new LinkedHashMap<>();

	private final Map<String, Answers> serviceAnswers = new LinkedHashMap<>();

	UncachedSpan(QueryServiceClient uncached, PinotDirect pinot, int warmup, PrintStream out, Runnable atFirstFailure,
			Probes probes) {
		this.uncached = uncached;
		this.pinot = pinot;
		this.warmup = warmup;
		this.out = out;
		this.atFirstFailure = atFirstFailure;
		this.probes = probes;
	}

	/**
	 * Measures.
	 * @param stars example (file name) to its name on the star-tree table
	 * @param parameters example to its parameters
	 * @param metrics example to what the comparison returned for it (its {@code sql}),
	 * added to
	 * @param span how long to measure
	 * @return the phase's figures for the results: rounds, seals, the service's Pinot
	 * queries and hedged copies, compilers
	 */
	Map<String, Object> run(Map<String, String> stars, Map<String, Map<String, String>> parameters,
			Map<String, Map<String, Object>> metrics, Duration span) {
		List<String> examples = List.copyOf(stars.keySet());
		Map<String, IntFunction<Object>> directCalls = new LinkedHashMap<>();
		Map<String, IntFunction<Object>> serviceCalls = new LinkedHashMap<>();
		for (String example : examples) {
			this.failures.put(example, new Failures(this.atFirstFailure));
			this.direct.put(example, new Samples(1_024));
			this.service.put(example, new Samples(1_024));
			Answers pinotAnswers = new Answers();
			Answers answers = new Answers();
			this.directAnswers.put(example, pinotAnswers);
			this.serviceAnswers.put(example, answers);
			String sql = (String) metrics.get(example).get("sql");
			this.sqls.put(example, sql);
			directCalls.put(example, (i) -> pinotAnswers.add(i, this.pinot.query(sql)));
			serviceCalls.put(example,
					(i) -> answers.add(i, this.uncached.resultBody(stars.get(example), parameters.get(example))));
		}
		for (int i = 0; i < this.warmup; i++) {
			for (String example : examples) {
				LatencyPhase.attempt(this.failures.get(example), DIRECT, directCalls.get(example), -1);
				LatencyPhase.attempt(this.failures.get(example), SERVICE, serviceCalls.get(example), -1);
			}
		}
		this.out.printf("    %d s, round after round of every example, Pinot direct and the uncaching service "
				+ "alternating:%n", span.toSeconds());
		Map<String, Double> countsBefore = this.uncached.pinotQueryCounts();
		long serviceCompilerBefore = LatencyPhase.cpuNanos(this.probes.uncachedService());
		long benchmarkCompilerBefore = LatencyPhase.cpuNanos(this.probes.benchmark());
		try (SealWatch seals = new SealWatch(this.probes.segments(), System::currentTimeMillis).start()) {
			int rounds = rounds(examples, directCalls, serviceCalls, span, seals);
			Map<String, Double> pinotQueries = LatencyPhase.difference(this.uncached.pinotQueryCounts(), countsBefore);
			List<Long> changes = seals.changes();
			Map<String, Object> phase = new LinkedHashMap<>();
			phase.put("span", span.toString());
			phase.put("rounds", rounds);
			phase.put("segmentsSealed", seals.sealed());
			phase.put("segmentCountChangedAt",
					changes.stream().map((at) -> Instant.ofEpochMilli(at).toString()).toList());
			phase.put("pinotQueriesOfTheService", pinotQueries);
			phase.put("compilingMeanwhile",
					Map.of("serviceMs", LatencyPhase.millisSince(this.probes.uncachedService(), serviceCompilerBefore),
							"benchmarkMs", LatencyPhase.millisSince(this.probes.benchmark(), benchmarkCompilerBefore)));
			this.out.printf(
					"    %,d rounds, %d segments sealed; the service hedged %.0f of its %.0f Pinot queries, %.0f "
							+ "copies answered first%n",
					rounds, seals.sealed(), pinotQueries.get("hedgesSent"), pinotQueries.get("queries"),
					pinotQueries.get("hedgesWon"));
			for (String example : examples) {
				summarise(example, stars.get(example), metrics.get(example), changes);
			}
			return phase;
		}
	}

	private int rounds(List<String> examples, Map<String, IntFunction<Object>> directCalls,
			Map<String, IntFunction<Object>> serviceCalls, Duration span, SealWatch seals) {
		long start = System.nanoTime();
		long end = start + span.toNanos();
		long nextProgress = start + PROGRESS.toNanos();
		int rounds = 0;
		while (System.nanoTime() < end) {
			for (int k = 0; k < examples.size(); k++) {
				String example = examples.get((k + rounds) % examples.size());
				Failures failed = this.failures.get(example);
				if (rounds % 2 == 0) {
					LatencyPhase.measure(this.direct.get(example), failed, DIRECT, directCalls.get(example), rounds);
					LatencyPhase.measure(this.service.get(example), failed, SERVICE, serviceCalls.get(example), rounds);
				}
				else {
					LatencyPhase.measure(this.service.get(example), failed, SERVICE, serviceCalls.get(example), rounds);
					LatencyPhase.measure(this.direct.get(example), failed, DIRECT, directCalls.get(example), rounds);
				}
			}
			rounds++;
			// between rounds, untimed: check and count the answers, and let their text go
			for (String example : examples) {
				String sql = this.sqls.get(example);
				this.directAnswers.get(example).drain((answer) -> PinotDirect.check(answer, sql));
				this.serviceAnswers.get(example).digest();
			}
			if (System.nanoTime() >= nextProgress) {
				this.out.printf("      %d s: %,d rounds, %d segments sealed so far%n",
						(System.nanoTime() - start) / 1_000_000_000L, rounds, seals.sealed());
				nextProgress += PROGRESS.toNanos();
			}
		}
		return rounds;
	}

	@SuppressWarnings("unchecked")
	private void summarise(String example, String star, Map<String, Object> figures, List<Long> changes) {
		LatencySummary directAlone = this.direct.get(example).summary(DIRECT);
		LatencySummary serviceAlone = this.service.get(example).summary(SERVICE);
		((Map<String, Object>) figures.get("pinotDirect")).put("star", directAlone);
		((Map<String, Object>) figures.get("uncached")).put("star", serviceAlone);
		((Map<String, Object>) figures.get("uncachedAnswers")).put("star", this.serviceAnswers.get(example).summary());
		Map<String, LatencySummary> directSplit = this.direct.get(example).split(changes);
		Map<String, LatencySummary> serviceSplit = this.service.get(example).split(changes);
		figures.put("duringSeals", Map.of("pinotDirect", directSplit, "uncached", serviceSplit));
		figures.put("uncachedSlowest", this.service.get(example).slowest(LatencyPhase.SLOWEST));
		LatencyPhase.addFailures(figures, this.failures.get(example));
		this.out.printf("    %-30s p50/p99 ms: pinot %s | uncached %s | during seals: pinot %s, uncached %s%n",
				LatencyPhase.shortName(star), LatencyPhase.pair(directAlone), LatencyPhase.pair(serviceAlone),
				LatencyPhase.pairOrNone(directSplit.get("during")),
				LatencyPhase.pairOrNone(serviceSplit.get("during")));
		LatencyPhase.reportFailures(this.out, this.failures.get(example));
	}

}
