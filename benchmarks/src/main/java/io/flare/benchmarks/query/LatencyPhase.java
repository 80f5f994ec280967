package io.flare.benchmarks.query;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.benchmarks.support.CompilerThreads;
import io.flare.benchmarks.support.LatencySummary;
import io.flare.benchmarks.support.Percentiles;

/**
 * Sequential latency of one example metric: Pinot direct on the SQL the service compiles
 * (star-tree and plain table), the uncaching service instance on both tables (every
 * answer checked to have run its own Pinot query), the caching instance warm, and the
 * Pinot queries that identical concurrent requests cost it. Star and plain requests
 * alternate, so drift and noise hit both alike.
 */
final class LatencyPhase {

	/**
	 * How many of a measurement's slowest requests the results list with the time they
	 * were sent, to be looked up in the collectors' logs.
	 */
	static final int SLOWEST = 10;

	/** Identical requests sent at once to show coalescing. */
	static final int CONCURRENT = 16;

	/**
	 * The service's default {@code flare.cache.live-max-stale}: past it a live result is
	 * no longer answered while it refreshes.
	 */
	private static final long LIVE_MAX_STALE_MILLIS = 5_000;

	private final QueryServiceClient cached;

	private final QueryServiceClient uncached;

	private final PinotDirect pinot;

	private final Counts counts;

	private final PrintStream out;

	private final Runnable atFirstFailure;

	private final Probes probes;

	/**
	 * @param probes what else ran on the cores meanwhile
	 */
	LatencyPhase(QueryServiceClient cached, QueryServiceClient uncached, PinotDirect pinot, Counts counts,
			PrintStream out, Runnable atFirstFailure, Probes probes) {
		this.atFirstFailure = atFirstFailure;
		this.probes = probes;
		this.cached = cached;
		this.uncached = uncached;
		this.pinot = pinot;
		this.counts = counts;
		this.out = out;
	}

	/**
	 * Compares one example on the star-tree table and the plain one, against Pinot
	 * directly and through the uncaching service, star and plain alternating request by
	 * request so drift and noise hit both alike (it also warms both paths).
	 * @param star its name on the star-tree table
	 * @param plain its name on the plain table
	 * @param parameters its parameters
	 * @return the figures, for the results file; {@link #measureUncached} and
	 * {@link #measureCached} add to them
	 */
	Map<String, Object> compare(String star, String plain, Map<String, String> parameters) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("parameters", parameters);
		String starSql = this.cached.sql(star, parameters);
		String plainSql = this.cached.sql(plain, parameters);
		figures.put("sql", starSql);
		Failures failures = new Failures(this.atFirstFailure);
		Answers starDirect = new Answers();
		Answers plainDirect = new Answers();
		LatencySummary[] direct = alternate(failures, "pinotDirect.alongsidePlain",
				(i) -> starDirect.add(i, this.pinot.query(starSql)),
				(i) -> plainDirect.add(i, this.pinot.query(plainSql)));
		starDirect.bodies().forEach((answer) -> PinotDirect.check(answer, starSql));
		plainDirect.bodies().forEach((answer) -> PinotDirect.check(answer, plainSql));
		Answers starAnswers = new Answers();
		Answers plainAnswers = new Answers();
		LatencySummary[] service = alternate(failures, "uncached.alongsidePlain",
				(i) -> starAnswers.add(i, this.uncached.resultBody(star, parameters)),
				(i) -> plainAnswers.add(i, this.uncached.resultBody(plain, parameters)));
		figures.put("pinotDirect", new LinkedHashMap<>(Map.of("starAlongsidePlain", direct[0], "plain", direct[1])));
		figures.put("uncached", new LinkedHashMap<>(Map.of("starAlongsidePlain", service[0], "plain", service[1])));
		figures.put("uncachedAnswers", new LinkedHashMap<>(
				Map.of("starAlongsidePlain", starAnswers.summary(), "plain", plainAnswers.summary())));
		figures.put("starOverPlain", Ratios.of(service[0], service[1]));
		figures.put("starOverPlainPinotDirect", Ratios.of(direct[0], direct[1]));
		figures.put("failedRequests", failures.counts());
		figures.put("failureSamples", failures.samples());
		this.out.printf("    %-30s p50/p99 ms alternating: pinot star %s, plain %s | uncached star %s, plain %s%n",
				shortName(star), pair(direct[0]), pair(direct[1]), pair(service[0]), pair(service[1]));
		reportFailures(failures);
		return figures;
	}

	/**
	 * Measures every example on the star-tree table alone, against Pinot directly and
	 * through the uncaching service, for {@code span} ({@link UncachedSpan}).
	 * @param stars example (file name) to its name on the star-tree table
	 * @param parameters example to its parameters
	 * @param metrics example to what {@link #compare} returned for it, added to
	 * @param span how long to measure
	 * @return the phase's figures for the results
	 */
	Map<String, Object> measureUncached(Map<String, String> stars, Map<String, Map<String, String>> parameters,
			Map<String, Map<String, Object>> metrics, Duration span) {
		return new UncachedSpan(this.uncached, this.pinot, this.counts.warmup(), this.out, this.atFirstFailure,
				this.probes)
			.run(stars, parameters, metrics, span);
	}

	/**
	 * Measures one example through the caching service, warm, and the Pinot queries
	 * identical concurrent requests cost it.
	 * @param star its name on the star-tree table
	 * @param parameters its parameters
	 * @param figures what {@link #compare} returned for it and {@link #measureUncached}
	 * added
	 */
	void measureCached(String star, Map<String, String> parameters, Map<String, Object> figures) {
		Failures failures = new Failures(this.atFirstFailure);
		this.cached.result(star, parameters);
		Answers warmAnswers = new Answers();
		Samples warmSamples = time(failures, "cached", this.counts.cachedWarmup(), this.counts.cachedRequests(),
				this.probes.cachedService(), (i) -> warmAnswers.add(i, this.cached.resultBody(star, parameters)));
		LatencySummary warm = warmSamples.summary("cached");
		@SuppressWarnings("unchecked")
		LatencySummary uncached = ((Map<String, LatencySummary>) figures.get("uncached")).get("star");
		figures.put("cached", warm);
		figures.put("cachedSlowest", warmSamples.slowest(SLOWEST));
		figures.put("cachedSegmentsSealedMeanwhile", warmSamples.sealedMeanwhile());
		figures.put("cachedCompilingMeanwhile", warmSamples.compiling());
		figures.put("cachedAnswers", warmAnswers.summary());
		figures.put("pinotQueriesFor" + CONCURRENT + "IdenticalConcurrent", concurrent(star, parameters));
		figures.put("cachedOverUncached", Ratios.of(warm, uncached));
		addFailures(figures, failures);
		this.out.printf("    %-30s p50/p99 ms: cached %s (%s)%n", shortName(star), pair(warm), warmSamples.meanwhile());
		reportFailures(failures);
	}

	/** {@code after} minus {@code before}, key by key. */
	static Map<String, Double> difference(Map<String, Double> after, Map<String, Double> before) {
		Map<String, Double> difference = new LinkedHashMap<>();
		after.forEach((key, value) -> difference.put(key, value - before.getOrDefault(key, 0.0)));
		return difference;
	}

	/** Adds a measurement's failures to those of the example's earlier ones. */
	@SuppressWarnings("unchecked")
	static void addFailures(Map<String, Object> figures, Failures failures) {
		Map<String, Integer> failed = new LinkedHashMap<>((Map<String, Integer>) figures.get("failedRequests"));
		failed.putAll(failures.counts());
		figures.put("failedRequests", failed);
		List<String> samples = new ArrayList<>((List<String>) figures.get("failureSamples"));
		samples.addAll(failures.samples());
		figures.put("failureSamples", samples);
	}

	private void reportFailures(Failures failures) {
		reportFailures(this.out, failures);
	}

	static void reportFailures(PrintStream out, Failures failures) {
		if (!failures.counts().isEmpty()) {
			out.println("    failed requests (warm-up included): " + failures.counts() + " " + failures.samples());
		}
	}

	static String shortName(String name) {
		return name.replaceAll("^qbench-[0-9t]+-", "");
	}

	/**
	 * Pinot queries that identical concurrent requests to the caching service cost, once
	 * the live result of the previous answers is too old to be answered while it
	 * refreshes: 1 when they share one query for the live edge, 0 when the cache holds
	 * every bucket, 2 when a bucket turned final while they ran (the live edge's query
	 * changed).
	 */
	private int concurrent(String name, Map<String, String> parameters) {
		try {
			Thread.sleep(LIVE_MAX_STALE_MILLIS + 100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
		ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
		try {
			List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
			for (int i = 0; i < CONCURRENT; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> this.cached.result(name, parameters), pool));
			}
			return answers.stream().mapToInt((answer) -> answer.join().path("pinotQueries").asInt()).sum();
		}
		finally {
			pool.shutdown();
		}
	}

	private Samples time(Failures failures, String mode, int warmup, int requests, CompilerThreads service,
			IntFunction<Object> call) {
		for (int i = 0; i < warmup; i++) {
			attempt(failures, mode, call, -1);
		}
		Samples samples = new Samples(requests);
		int segmentsBefore = this.probes.segments().getAsInt();
		long serviceBefore = (service != null) ? service.cpuNanos() : -1;
		long benchmarkBefore = this.probes.benchmark().cpuNanos();
		for (int i = 0; i < requests; i++) {
			measure(samples, failures, mode, call, i);
		}
		samples.sealedMeanwhile = this.probes.segments().getAsInt() - segmentsBefore;
		samples.serviceCompilerMs = millisSince(service, serviceBefore);
		samples.benchmarkCompilerMs = millisSince(this.probes.benchmark(), benchmarkBefore);
		return samples;
	}

	static long cpuNanos(CompilerThreads compiler) {
		return (compiler != null) ? compiler.cpuNanos() : -1;
	}

	/** Milliseconds the compiler ran since {@code before}, -1 where unknown. */
	static long millisSince(CompilerThreads compiler, long before) {
		long now = (compiler != null && before >= 0) ? compiler.cpuNanos() : -1;
		return (now < 0) ? -1 : (now - before) / 1_000_000;
	}

	/**
	 * Sends requests for every example (each metric in turn) to one service until its JIT
	 * compiler has settled, so that its measurements do not share the cores with it.
	 * @param cachedService the caching service, or else the uncaching one
	 * @param names the metrics to take turns among, each with its parameters
	 * @return what the warm-up took, for the results
	 */
	Map<String, Object> warmUp(boolean cachedService, Map<String, Map<String, String>> names) {
		QueryServiceClient client = cachedService ? this.cached : this.uncached;
		CompilerThreads compiler = cachedService ? this.probes.cachedService() : this.probes.uncachedService();
		String mode = (cachedService ? "cached" : "uncached") + ".jitWarmup";
		List<Map.Entry<String, Map<String, String>>> turns = List.copyOf(names.entrySet());
		Failures failures = new Failures(this.atFirstFailure);
		this.out.printf("    %s service: requests until its JIT compiler settles (at most %d s)%n",
				cachedService ? "caching" : "uncaching", JitWarmup.DEFAULTS.max().toSeconds());
		Map<String, Object> result = new JitWarmup(compiler::cpuNanos, System::nanoTime, JitWarmup.DEFAULTS)
			.run((i) -> {
				Map.Entry<String, Map<String, String>> turn = turns.get(i % turns.size());
				attempt(failures, mode, (ignored) -> client.resultBody(turn.getKey(), turn.getValue()), -1);
			}, (progress) -> this.out.println("      " + progress));
		result.put("failedRequests", failures.counts());
		this.out.printf("      %s after %,d requests in %s s (compiler %s ms in all, %s ms in the last second)%n",
				settledWord(result.get("settled")), result.get("requests"), result.get("seconds"),
				result.get("compilerMs"), result.get("compilerMsLastWindow"));
		reportFailures(failures);
		return result;
	}

	private static String settledWord(Object settled) {
		if (settled == null) {
			return "compiler time unknown (no /proc): stopped";
		}
		return Boolean.TRUE.equals(settled) ? "settled" : "NOT settled, stopped at the time limit,";
	}

	private LatencySummary[] alternate(Failures failures, String mode, IntFunction<Object> star,
			IntFunction<Object> plain) {
		String starMode = mode + ".star";
		String plainMode = mode + ".plain";
		for (int i = 0; i < this.counts.warmup(); i++) {
			attempt(failures, starMode, star, -1);
			attempt(failures, plainMode, plain, -1);
		}
		Samples a = new Samples(this.counts.requests());
		Samples b = new Samples(this.counts.requests());
		for (int i = 0; i < this.counts.requests(); i++) {
			if (i % 2 == 0) {
				measure(a, failures, starMode, star, i);
				measure(b, failures, plainMode, plain, i);
			}
			else {
				measure(b, failures, plainMode, plain, i);
				measure(a, failures, starMode, star, i);
			}
		}
		return new LatencySummary[] { a.summary(starMode), b.summary(plainMode) };
	}

	/** Times measured request {@code i} into {@code samples}, with when it was sent. */
	static void measure(Samples samples, Failures failures, String mode, IntFunction<Object> call, int i) {
		long sentAt = System.currentTimeMillis();
		samples.add(attempt(failures, mode, call, i), sentAt);
	}

	/** Milliseconds of one request, or NaN when it failed (recorded in the failures). */
	static double attempt(Failures failures, String mode, IntFunction<Object> call, int i) {
		long start = System.nanoTime();
		try {
			call.apply(i);
			return (System.nanoTime() - start) / 1e6;
		}
		catch (BenchmarkException ex) {
			failures.record(mode, ex.getMessage());
			return Double.NaN;
		}
	}

	/**
	 * How many requests each measurement sends.
	 *
	 * @param warmup unmeasured requests per metric and mode, Pinot direct and uncached
	 * @param requests measured ones
	 * @param cachedWarmup unmeasured requests per metric to the caching service
	 * @param cachedRequests measured ones
	 */
	record Counts(int warmup, int requests, int cachedWarmup, int cachedRequests) {

	}

	/**
	 * What else ran on the machine's cores while requests were timed.
	 *
	 * @param segments how many segments the measured table has now: the difference across
	 * a measurement is the segments Pinot sealed meanwhile (each one a second or so of
	 * index and star-tree building; with the feed spread evenly they seal in waves)
	 * @param cachedService the caching service's JIT compiler threads
	 * @param uncachedService the uncaching service's
	 * @param benchmark this JVM's own, which times the requests
	 */
	record Probes(IntSupplier segments, CompilerThreads cachedService, CompilerThreads uncachedService,
			CompilerThreads benchmark) {

	}

	/** The latencies of the requests that got an answer, with when each was sent. */
	static final class Samples {

		private double[] millis;

		private long[] sentAt;

		private int count;

		/** Segments Pinot sealed while the measured requests ran (not the warm-up). */
		private int sealedMeanwhile;

		/** Milliseconds the measured service's JIT compiler ran meanwhile, -1 unknown. */
		private long serviceCompilerMs = -1;

		/** Milliseconds the benchmark's own JIT compiler ran meanwhile, -1 unknown. */
		private long benchmarkCompilerMs = -1;

		Samples(int capacity) {
			this.millis = new double[capacity];
			this.sentAt = new long[capacity];
		}

		int sealedMeanwhile() {
			return this.sealedMeanwhile;
		}

		/** The compilers' milliseconds meanwhile, for the results (-1 unknown). */
		Map<String, Long> compiling() {
			return Map.of("serviceMs", this.serviceCompilerMs, "benchmarkMs", this.benchmarkCompilerMs);
		}

		/** What else ran on the cores meanwhile, for the progress line. */
		String meanwhile() {
			return String.format("meanwhile: %d sealed, compiling %s ms in the service, %s ms here",
					this.sealedMeanwhile, known(this.serviceCompilerMs), known(this.benchmarkCompilerMs));
		}

		private static String known(long millis) {
			return (millis < 0) ? "?" : Long.toString(millis);
		}

		void add(double sample, long sentAtMillis) {
			if (!Double.isNaN(sample)) {
				if (this.count == this.millis.length) {
					int capacity = Math.max(16, this.count * 2);
					this.millis = Arrays.copyOf(this.millis, capacity);
					this.sentAt = Arrays.copyOf(this.sentAt, capacity);
				}
				this.sentAt[this.count] = sentAtMillis;
				this.millis[this.count++] = sample;
			}
		}

		/**
		 * The requests sent during a seal (within {@link SealWatch#NEAR_MILLIS} of a
		 * change of the segment count) and the others, summarised apart.
		 * @param changes when the segment count changed
		 * @return {@code during} and {@code apart}, each absent when no request was
		 */
		Map<String, LatencySummary> split(List<Long> changes) {
			double[] during = new double[this.count];
			double[] apart = new double[this.count];
			int d = 0;
			int a = 0;
			for (int i = 0; i < this.count; i++) {
				if (SealWatch.near(this.sentAt[i], changes)) {
					during[d++] = this.millis[i];
				}
				else {
					apart[a++] = this.millis[i];
				}
			}
			Map<String, LatencySummary> split = new LinkedHashMap<>();
			if (d > 0) {
				split.put("during", Percentiles.summarize(Arrays.copyOf(during, d)));
			}
			if (a > 0) {
				split.put("apart", Percentiles.summarize(Arrays.copyOf(apart, a)));
			}
			return split;
		}

		LatencySummary summary(String mode) {
			if (this.count == 0) {
				throw new BenchmarkException("Every measured request of " + mode + " failed");
			}
			return Percentiles.summarize(Arrays.copyOf(this.millis, this.count));
		}

		/**
		 * The slowest requests, slowest first: when each was sent (ISO-8601, UTC) and its
		 * milliseconds.
		 */
		List<Map<String, Object>> slowest(int limit) {
			return IntStream.range(0, this.count)
				.boxed()
				.sorted((a, b) -> Double.compare(this.millis[b], this.millis[a]))
				.limit(limit)
				.map((i) -> Map.<String, Object>of("sentAt", Instant.ofEpochMilli(this.sentAt[i]).toString(), "ms",
						this.millis[i]))
				.toList();
		}

	}

	static String pairOrNone(LatencySummary summary) {
		return (summary != null) ? pair(summary) + " (" + summary.count() + ")" : "-";
	}

	static String pair(LatencySummary summary) {
		return String.format("%.1f/%.1f", summary.p50(), summary.p99());
	}

	/**
	 * The measured answers as received (warm-up answers are not kept), parsed only after
	 * the timing: what they said about themselves.
	 */
	static final class Answers {

		private final List<String> bodies = new ArrayList<>();

		private int answers;

		private int ranOwnPinotQuery;

		private int fromCache;

		private long cachedBuckets;

		private long pinotQueries;

		private long values;

		private long docsScanned;

		Object add(int index, String body) {
			if (index >= 0) {
				this.bodies.add(body);
			}
			return body;
		}

		List<String> bodies() {
			return this.bodies;
		}

		/**
		 * Hands every answer kept so far to {@code check} and lets their text go (a long
		 * measurement would otherwise hold them all).
		 */
		void drain(Consumer<String> check) {
			this.bodies.forEach(check);
			this.bodies.clear();
		}

		/** Adds the answers kept so far to the totals and lets their text go. */
		void digest() {
			for (String body : this.bodies) {
				JsonNode answer = QueryServiceClient.parse(body);
				boolean cached = answer.path("fromCache").asBoolean();
				this.ranOwnPinotQuery += (!cached && answer.path("cachedBuckets").asInt() == 0
						&& answer.path("pinotQueries").asInt() == 1) ? 1 : 0;
				this.fromCache += cached ? 1 : 0;
				this.cachedBuckets += answer.path("cachedBuckets").asLong();
				this.pinotQueries += answer.path("pinotQueries").asLong();
				this.values += answer.path("values").size();
				this.docsScanned += answer.path("docsScanned").asLong();
				this.answers++;
			}
			this.bodies.clear();
		}

		Map<String, Object> summary() {
			digest();
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("answers", this.answers);
			summary.put("ranOwnPinotQuery", this.ranOwnPinotQuery);
			summary.put("fromCache", this.fromCache);
			summary.put("meanCachedBuckets", mean(this.cachedBuckets));
			summary.put("pinotQueries", this.pinotQueries);
			summary.put("meanValues", mean(this.values));
			summary.put("meanDocsScanned", mean(this.docsScanned));
			return summary;
		}

		private double mean(long total) {
			return (this.answers == 0) ? 0 : Math.round(100.0 * total / this.answers) / 100.0;
		}

	}

}
