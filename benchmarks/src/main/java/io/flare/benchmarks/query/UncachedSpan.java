package io.flare.benchmarks.query;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
		List<Example> examples = new ArrayList<>();
		stars.forEach((example, star) -> examples.add(new Example(star, (String) metrics.get(example).get("sql"),
				parameters.get(example), metrics.get(example))));
		for (int i = 0; i < this.warmup; i++) {
			examples.forEach(Example::warmUp);
		}
		this.out.printf("    %d s, round after round of every example, Pinot direct and the uncaching service "
				+ "alternating:%n", span.toSeconds());
		Map<String, Double> countsBefore = this.uncached.pinotQueryCounts();
		long serviceCompilerBefore = LatencyPhase.cpuNanos(this.probes.uncachedService());
		long benchmarkCompilerBefore = LatencyPhase.cpuNanos(this.probes.benchmark());
		try (SealWatch seals = new SealWatch(this.probes.segments(), System::currentTimeMillis).start()) {
			int rounds = rounds(examples, span, seals);
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
			examples.forEach((example) -> example.summarise(changes));
			return phase;
		}
	}

	private int rounds(List<Example> examples, Duration span, SealWatch seals) {
		long start = System.nanoTime();
		long end = start + span.toNanos();
		long nextProgress = start + PROGRESS.toNanos();
		int rounds = 0;
		while (System.nanoTime() < end) {
			for (int k = 0; k < examples.size(); k++) {
				examples.get((k + rounds) % examples.size()).measure(rounds);
			}
			rounds++;
			// between rounds, untimed: check and count the answers, and let their text go
			examples.forEach(Example::digest);
			if (System.nanoTime() >= nextProgress) {
				this.out.printf("      %d s: %,d rounds, %d segments sealed so far%n",
						(System.nanoTime() - start) / 1_000_000_000L, rounds, seals.sealed());
				nextProgress += PROGRESS.toNanos();
			}
		}
		return rounds;
	}

	/** One example's requests, both paths, and what they measured. */
	private final class Example {

		private final String star;

		private final String sql;

		private final Map<String, Object> figures;

		private final Failures failures = new Failures(UncachedSpan.this.atFirstFailure);

		private final Samples direct = new Samples(1_024);

		private final Samples service = new Samples(1_024);

		private final Answers directAnswers = new Answers();

		private final Answers serviceAnswers = new Answers();

		private final IntFunction<Object> directCall;

		private final IntFunction<Object> serviceCall;

		Example(String star, String sql, Map<String, String> parameters, Map<String, Object> figures) {
			this.star = star;
			this.sql = sql;
			this.figures = figures;
			this.directCall = (i) -> this.directAnswers.add(i, UncachedSpan.this.pinot.query(sql));
			this.serviceCall = (i) -> this.serviceAnswers.add(i,
					UncachedSpan.this.uncached.resultBody(star, parameters));
		}

		void warmUp() {
			LatencyPhase.attempt(this.failures, DIRECT, this.directCall, -1);
			LatencyPhase.attempt(this.failures, SERVICE, this.serviceCall, -1);
		}

		/** Times one request on each path, Pinot direct first in even rounds. */
		void measure(int round) {
			if (round % 2 == 0) {
				LatencyPhase.measure(this.direct, this.failures, DIRECT, this.directCall, round);
				LatencyPhase.measure(this.service, this.failures, SERVICE, this.serviceCall, round);
			}
			else {
				LatencyPhase.measure(this.service, this.failures, SERVICE, this.serviceCall, round);
				LatencyPhase.measure(this.direct, this.failures, DIRECT, this.directCall, round);
			}
		}

		void digest() {
			this.directAnswers.drain((answer) -> PinotDirect.check(answer, this.sql));
			this.serviceAnswers.digest();
		}

		@SuppressWarnings("unchecked")
		void summarise(List<Long> changes) {
			LatencySummary directAlone = this.direct.summary(DIRECT);
			LatencySummary serviceAlone = this.service.summary(SERVICE);
			((Map<String, Object>) this.figures.get("pinotDirect")).put("star", directAlone);
			((Map<String, Object>) this.figures.get("uncached")).put("star", serviceAlone);
			((Map<String, Object>) this.figures.get("uncachedAnswers")).put("star", this.serviceAnswers.summary());
			Map<String, LatencySummary> directSplit = this.direct.split(changes);
			Map<String, LatencySummary> serviceSplit = this.service.split(changes);
			this.figures.put("duringSeals", Map.of("pinotDirect", directSplit, "uncached", serviceSplit));
			this.figures.put("uncachedSlowest", this.service.slowest(LatencyPhase.SLOWEST));
			LatencyPhase.addFailures(this.figures, this.failures);
			UncachedSpan.this.out.printf(
					"    %-30s p50/p99 ms: pinot %s | uncached %s | during seals: pinot %s, uncached %s%n",
					LatencyPhase.shortName(this.star), LatencyPhase.pair(directAlone), LatencyPhase.pair(serviceAlone),
					LatencyPhase.pairOrNone(directSplit.get("during")),
					LatencyPhase.pairOrNone(serviceSplit.get("during")));
			LatencyPhase.reportFailures(UncachedSpan.this.out, this.failures);
		}

	}

}
