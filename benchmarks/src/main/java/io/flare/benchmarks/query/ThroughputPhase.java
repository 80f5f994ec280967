package io.flare.benchmarks.query;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.flare.benchmarks.support.LatencySummary;
import io.flare.benchmarks.support.Percentiles;

/**
 * Sustained load: a number of clients, each sending its next request as soon as the
 * previous one is answered (closed loop), over a request mix, for a warm-up then a fixed
 * measured duration. Counts answers, errors (non-2xx or no answer, by kind) and the Pinot
 * queries the answers say they ran.
 */
final class ThroughputPhase {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private final QueryServiceClient service;

	private final RequestMix mix;

	private final long seed;

	ThroughputPhase(QueryServiceClient service, RequestMix mix, long seed) {
		this.service = service;
		this.mix = mix;
		this.seed = seed;
	}

	/**
	 * Runs the load.
	 * @param clients concurrent clients
	 * @param warmup unmeasured time first
	 * @param duration measured time
	 * @param out progress
	 * @return the figures
	 */
	Result run(int clients, Duration warmup, Duration duration, PrintStream out) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		long measureFrom = System.nanoTime() + warmup.toNanos();
		long end = measureFrom + duration.toNanos();
		List<double[]> latencies = new ArrayList<>();
		Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
		AtomicLong pinotQueries = new AtomicLong();
		AtomicLong answers = new AtomicLong();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			Client client = new Client(http, new SplittableRandom(this.seed + c), measureFrom, end, errors,
					pinotQueries, answers);
			Thread thread = new Thread(() -> {
				try {
					client.loop();
				}
				finally {
					synchronized (latencies) {
						latencies.add(client.latencies());
					}
					done.countDown();
				}
			}, "query-client-" + c);
			thread.setDaemon(true);
			thread.start();
		}
		out.printf("    %d clients, warm-up %s, measuring %s over %d distinct requests%n", clients, warmup, duration,
				this.mix.distinct());
		done.await();
		double[] all = latencies.stream().flatMapToDouble(Arrays::stream).toArray();
		long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
		Map<String, Long> byKind = new TreeMap<>();
		errors.forEach((kind, count) -> byKind.put(kind, count.get()));
		double seconds = duration.toNanos() / 1e9;
		return new Result(clients, seconds, all.length + errorCount, answers.get(),
				Math.round(answers.get() / seconds * 10) / 10.0, (all.length > 0) ? Percentiles.summarize(all) : null,
				errorCount, byKind, pinotQueries.get(),
				(answers.get() > 0) ? Math.round(1000.0 * pinotQueries.get() / answers.get()) / 1000.0 : 0);
	}

	/** One closed-loop client; latencies of answers completed in the measured time. */
	private final class Client {

		private final HttpClient http;

		private final SplittableRandom random;

		private final long measureFrom;

		private final long end;

		private final Map<String, AtomicLong> errors;

		private final AtomicLong pinotQueries;

		private final AtomicLong answers;

		private double[] latencies = new double[1024];

		private int count;

		Client(HttpClient http, SplittableRandom random, long measureFrom, long end, Map<String, AtomicLong> errors,
				AtomicLong pinotQueries, AtomicLong answers) {
			this.http = http;
			this.random = random;
			this.measureFrom = measureFrom;
			this.end = end;
			this.errors = errors;
			this.pinotQueries = pinotQueries;
			this.answers = answers;
		}

		void loop() {
			while (System.nanoTime() < this.end) {
				RequestMix.Request next = ThroughputPhase.this.mix.next(this.random);
				URI uri = ThroughputPhase.this.service.resultUri(next.metric(), next.parameters());
				long start = System.nanoTime();
				String error = null;
				String body = null;
				try {
					HttpResponse<String> response = this.http.send(
							HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
							HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() / 100 == 2) {
						body = response.body();
					}
					else {
						error = "HTTP " + response.statusCode();
					}
				}
				catch (IOException ex) {
					error = ex.getClass().getSimpleName();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				long finished = System.nanoTime();
				if (start >= this.measureFrom && finished <= this.end) {
					record(error, body, (finished - start) / 1e6);
				}
			}
		}

		private void record(String error, String body, double millis) {
			if (error != null) {
				this.errors.computeIfAbsent(error, (kind) -> new AtomicLong()).incrementAndGet();
				return;
			}
			this.answers.incrementAndGet();
			this.pinotQueries.addAndGet(pinotQueries(body));
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = millis;
		}

		double[] latencies() {
			return Arrays.copyOf(this.latencies, this.count);
		}

	}

	/**
	 * The {@code pinotQueries} of an answer (the last field of that name: the answer's
	 * own, after its buckets and values), without parsing the whole answer on the
	 * client's CPU.
	 */
	static long pinotQueries(String body) {
		String field = "\"pinotQueries\":";
		int at = body.lastIndexOf(field);
		if (at < 0) {
			return 0;
		}
		int from = at + field.length();
		int to = from;
		while (to < body.length() && Character.isDigit(body.charAt(to))) {
			to++;
		}
		return (to > from) ? Long.parseLong(body.substring(from, to)) : 0;
	}

	/**
	 * The load's figures.
	 *
	 * @param clients concurrent clients
	 * @param seconds measured time
	 * @param requests requests completed (answered or failed) in the measured time
	 * @param answers 2xx answers in the measured time
	 * @param queriesPerSecond answers / seconds
	 * @param latencyMs latency of the 2xx answers
	 * @param errors failed requests
	 * @param errorsByKind e.g. {@code HTTP 503}, {@code HttpTimeoutException}
	 * @param pinotQueries Pinot queries the answers ran
	 * @param pinotQueriesPerAnswer pinotQueries / answers: the share the cache did not
	 * answer
	 */
	record Result(int clients, double seconds, long requests, long answers, double queriesPerSecond,
			LatencySummary latencyMs, long errors, Map<String, Long> errorsByKind, long pinotQueries,
			double pinotQueriesPerAnswer) {
	}

}
