package io.flare.benchmarks.query;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.benchmarks.support.LatencySummary;
import io.flare.benchmarks.support.Percentiles;
import io.flare.infra.testing.PinotBroker;

/**
 * Sequential latency of one example metric: Pinot direct on the SQL the service compiles
 * (star-tree and plain table), the uncaching service instance on both tables (every
 * answer checked to have run its own Pinot query), the caching instance warm, and the
 * Pinot queries that identical concurrent requests cost it. Star and plain requests
 * alternate, so drift and noise hit both alike.
 */
final class LatencyPhase {

	/** Identical requests sent at once to show coalescing. */
	static final int CONCURRENT = 16;

	/** The service's default {@code flare.cache.live-ttl}. */
	private static final long LIVE_TTL_MILLIS = 500;

	private final QueryServiceClient cached;

	private final QueryServiceClient uncached;

	private final PinotBroker broker;

	private final int warmup;

	private final int requests;

	private final PrintStream out;

	LatencyPhase(QueryServiceClient cached, QueryServiceClient uncached, PinotBroker broker, int warmup, int requests,
			PrintStream out) {
		this.cached = cached;
		this.uncached = uncached;
		this.broker = broker;
		this.warmup = warmup;
		this.requests = requests;
		this.out = out;
	}

	/**
	 * Measures one example.
	 * @param star its name on the star-tree table
	 * @param plain its name on the plain table
	 * @param parameters its parameters
	 * @return the figures, for the results file
	 */
	Map<String, Object> measure(String star, String plain, Map<String, String> parameters) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("parameters", parameters);
		String starSql = this.cached.sql(star, parameters);
		String plainSql = this.cached.sql(plain, parameters);
		figures.put("sql", starSql);
		LatencySummary[] direct = alternate((i) -> this.broker.query(starSql), (i) -> this.broker.query(plainSql));
		Answers starAnswers = new Answers();
		Answers plainAnswers = new Answers();
		LatencySummary[] service = alternate((i) -> starAnswers.add(i, this.uncached.result(star, parameters)),
				(i) -> plainAnswers.add(i, this.uncached.result(plain, parameters)));
		this.cached.result(star, parameters);
		Answers warmAnswers = new Answers();
		LatencySummary warm = time((i) -> warmAnswers.add(i, this.cached.result(star, parameters)));
		figures.put("pinotDirect", Map.of("star", direct[0], "plain", direct[1]));
		figures.put("uncached", Map.of("star", service[0], "plain", service[1]));
		figures.put("cached", warm);
		figures.put("uncachedAnswers", Map.of("star", starAnswers.summary(), "plain", plainAnswers.summary()));
		figures.put("cachedAnswers", warmAnswers.summary());
		figures.put("pinotQueriesFor" + CONCURRENT + "IdenticalConcurrent", concurrent(star, parameters));
		figures.put("cachedOverUncached", Ratios.of(warm, service[0]));
		figures.put("starOverPlain", Ratios.of(service[0], service[1]));
		figures.put("starOverPlainPinotDirect", Ratios.of(direct[0], direct[1]));
		this.out.printf("    %-30s p50/p99 ms: pinot %s | uncached %s (plain %s) | cached %s%n",
				star.replaceAll("^qbench-[0-9t]+-", ""), pair(direct[0]), pair(service[0]), pair(service[1]),
				pair(warm));
		return figures;
	}

	/**
	 * Pinot queries that identical concurrent requests to the caching service cost, once
	 * the live TTL of the previous answers has passed: 1 when they share one query for
	 * the live edge, 0 when the cache holds every bucket.
	 */
	private int concurrent(String name, Map<String, String> parameters) {
		try {
			Thread.sleep(LIVE_TTL_MILLIS + 100);
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

	private LatencySummary time(IntFunction<Object> call) {
		for (int i = 0; i < this.warmup; i++) {
			call.apply(-1);
		}
		double[] millis = new double[this.requests];
		for (int i = 0; i < this.requests; i++) {
			long start = System.nanoTime();
			call.apply(i);
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		return Percentiles.summarize(millis);
	}

	private LatencySummary[] alternate(IntFunction<Object> first, IntFunction<Object> second) {
		for (int i = 0; i < this.warmup; i++) {
			first.apply(-1);
			second.apply(-1);
		}
		double[] a = new double[this.requests];
		double[] b = new double[this.requests];
		for (int i = 0; i < this.requests; i++) {
			if (i % 2 == 0) {
				a[i] = timed(first, i);
				b[i] = timed(second, i);
			}
			else {
				b[i] = timed(second, i);
				a[i] = timed(first, i);
			}
		}
		return new LatencySummary[] { Percentiles.summarize(a), Percentiles.summarize(b) };
	}

	private static double timed(IntFunction<Object> call, int i) {
		long start = System.nanoTime();
		call.apply(i);
		return (System.nanoTime() - start) / 1e6;
	}

	private static String pair(LatencySummary summary) {
		return String.format("%.1f/%.1f", summary.p50(), summary.p99());
	}

	/**
	 * What the measured answers said about themselves (warm-up answers are not counted).
	 */
	static final class Answers {

		private int count;

		private int ranOwnPinotQuery;

		private int fromCache;

		private long cachedBuckets;

		private long pinotQueries;

		private long values;

		private long docsScanned;

		Object add(int index, JsonNode answer) {
			if (index >= 0) {
				this.count++;
				boolean own = !answer.path("fromCache").asBoolean() && answer.path("cachedBuckets").asInt() == 0
						&& answer.path("pinotQueries").asInt() == 1;
				this.ranOwnPinotQuery += own ? 1 : 0;
				this.fromCache += answer.path("fromCache").asBoolean() ? 1 : 0;
				this.cachedBuckets += answer.path("cachedBuckets").asLong();
				this.pinotQueries += answer.path("pinotQueries").asLong();
				this.values += answer.path("values").size();
				this.docsScanned += answer.path("docsScanned").asLong();
			}
			return answer;
		}

		Map<String, Object> summary() {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("answers", this.count);
			summary.put("ranOwnPinotQuery", this.ranOwnPinotQuery);
			summary.put("fromCache", this.fromCache);
			summary.put("meanCachedBuckets", mean(this.cachedBuckets));
			summary.put("pinotQueries", this.pinotQueries);
			summary.put("meanValues", mean(this.values));
			summary.put("meanDocsScanned", mean(this.docsScanned));
			return summary;
		}

		private double mean(long total) {
			return (this.count == 0) ? 0 : Math.round(100.0 * total / this.count) / 100.0;
		}

	}

}
