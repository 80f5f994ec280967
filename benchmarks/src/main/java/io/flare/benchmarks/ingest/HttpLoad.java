package io.flare.benchmarks.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts prepared NDJSON batches from several client threads, each waiting for its answer
 * before the next (closed loop), optionally paced to a rate, and records every request's
 * latency once measuring. Two modes: {@link #run} cycles through the batches for a
 * duration; {@link #sendAll} sends each batch exactly once, retrying a refused one
 * (429/503) after its {@code Retry-After}, until all are accepted.
 */
final class HttpLoad {

	private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

	private static final int MAX_ATTEMPTS = 20;

	private final URI uri;

	private final String apiKey;

	private final List<byte[]> batches;

	/** Events per batch (arrays are keys by identity), counted once, for pacing. */
	private final Map<byte[], Integer> eventCounts = new ConcurrentHashMap<>();

	private final AtomicBoolean measuring = new AtomicBoolean();

	private final AtomicBoolean running = new AtomicBoolean(true);

	HttpLoad(URI uri, String apiKey, List<byte[]> batches) {
		this.uri = uri;
		this.apiKey = apiKey;
		this.batches = batches;
	}

	/**
	 * Runs the clients at full speed: warm-up (not measured), then the measured duration.
	 */
	Result run(int clients, Duration warmup, Duration duration) throws InterruptedException {
		return run(clients, warmup, duration, 0);
	}

	/**
	 * Runs the clients, together at most {@code eventsPerSecond} (0: unpaced), cycling
	 * through the batches: warm-up (not measured), then the measured duration.
	 */
	Result run(int clients, Duration warmup, Duration duration, long eventsPerSecond) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		List<Client> workers = start(clients, eventsPerSecond,
				() -> this.batches.get(Math.floorMod(next.getAndIncrement(), this.batches.size())), false);
		Thread.sleep(warmup.toMillis());
		this.measuring.set(true);
		long start = System.nanoTime();
		Thread.sleep(duration.toMillis());
		this.measuring.set(false);
		long elapsed = System.nanoTime() - start;
		this.running.set(false);
		join(workers);
		return Result.of(workers, elapsed);
	}

	/** Sends every batch once, as fast as the clients go; measures the whole of it. */
	Result sendAll(int clients) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		this.measuring.set(true);
		long start = System.nanoTime();
		List<Client> workers = start(clients, 0, () -> {
			int index = next.getAndIncrement();
			return (index < this.batches.size()) ? this.batches.get(index) : null;
		}, true);
		join(workers);
		return Result.of(workers, System.nanoTime() - start);
	}

	private List<Client> start(int clients, long eventsPerSecond, BatchSupply supply, boolean retry) {
		List<Client> workers = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Client client = new Client(supply, (eventsPerSecond > 0) ? eventsPerSecond / (double) clients : 0, retry);
			workers.add(client);
			client.thread = new Thread(client, "http-load-" + i);
			client.thread.start();
		}
		return workers;
	}

	private static void join(List<Client> workers) throws InterruptedException {
		for (Client client : workers) {
			client.thread.join(120_000);
		}
	}

	/** The next batch to send, or null when there is none left. */
	@FunctionalInterface
	private interface BatchSupply {

		byte[] next();

	}

	/**
	 * What the measured part of the run did.
	 *
	 * @param requests requests answered while measuring (retries included)
	 * @param acceptedEvents events the service accepted
	 * @param seconds the measured time
	 * @param latenciesMs every measured request's latency
	 * @param failuresByStatus refused or failed requests by status (-1: no answer)
	 * @param retries requests sent again after a refusal (sendAll only)
	 * @param lastAcceptedNanos {@link System#nanoTime} of the last accepted answer
	 */
	record Result(long requests, long acceptedEvents, double seconds, double[] latenciesMs,
			Map<Integer, Long> failuresByStatus, long retries, long lastAcceptedNanos) {

		static Result of(List<Client> clients, long elapsedNanos) {
			long requests = 0;
			long accepted = 0;
			long retries = 0;
			long last = 0;
			List<Double> latencies = new ArrayList<>();
			Map<Integer, Long> failures = new TreeMap<>();
			for (Client client : clients) {
				requests += client.requests;
				accepted += client.accepted;
				retries += client.retries;
				last = Math.max(last, client.lastAcceptedNanos);
				latencies.addAll(client.latenciesMs);
				client.failures.forEach((status, n) -> failures.merge(status, n, Long::sum));
			}
			return new Result(requests, accepted, elapsedNanos / 1e9,
					latencies.stream().mapToDouble(Double::doubleValue).toArray(), failures, retries, last);
		}

		long eventsPerSecond() {
			return Math.round(this.acceptedEvents / this.seconds);
		}

	}

	final class Client implements Runnable {

		private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		private final BatchSupply supply;

		private final double eventsPerSecond;

		private final boolean retry;

		private final List<Double> latenciesMs = new ArrayList<>();

		private final Map<Integer, Long> failures = new TreeMap<>();

		private Thread thread;

		private long requests;

		private long accepted;

		private long retries;

		private long lastAcceptedNanos;

		Client(BatchSupply supply, double eventsPerSecond, boolean retry) {
			this.supply = supply;
			this.eventsPerSecond = eventsPerSecond;
			this.retry = retry;
		}

		@Override
		public void run() {
			long due = System.nanoTime();
			while (HttpLoad.this.running.get()) {
				byte[] batch = this.supply.next();
				if (batch == null) {
					return;
				}
				if (this.eventsPerSecond > 0) {
					// paced: one batch per slot; a late slot is sent at once, not made up
					// later
					LockSupport.parkNanos(due - System.nanoTime());
					due = Math.max(due, System.nanoTime() - 1_000_000_000L)
							+ (long) (HttpLoad.this.eventCounts.computeIfAbsent(batch, HttpLoad::countLines)
									/ this.eventsPerSecond * 1e9);
				}
				if (!send(batch)) {
					return;
				}
			}
		}

		/**
		 * Sends one batch (again after a refusal when retrying); false when interrupted.
		 */
		private boolean send(byte[] batch) {
			for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
				long start = System.nanoTime();
				int status;
				String body;
				long retryAfter = 1;
				try {
					HttpResponse<String> response = this.http.send(request(batch),
							HttpResponse.BodyHandlers.ofString());
					status = response.statusCode();
					body = response.body();
					retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
				}
				catch (IOException ex) {
					status = -1;
					body = "";
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
				boolean accepted = record(status, body, System.nanoTime() - start);
				if (accepted || !this.retry || !(status == 429 || status == 503 || status == -1)) {
					return true;
				}
				this.retries++;
				LockSupport.parkNanos(Duration.ofSeconds(Math.min(retryAfter, 5)).toNanos());
			}
			return true;
		}

		private boolean record(int status, String body, long nanos) {
			if (!HttpLoad.this.measuring.get()) {
				return status == 200;
			}
			this.requests++;
			this.latenciesMs.add(nanos / 1e6);
			Matcher matcher = ACCEPTED.matcher(body);
			if (status == 200 && matcher.find()) {
				this.accepted += Long.parseLong(matcher.group(1));
				this.lastAcceptedNanos = System.nanoTime();
				return true;
			}
			this.failures.merge(status, 1L, Long::sum);
			return false;
		}

		private HttpRequest request(byte[] batch) {
			return HttpRequest.newBuilder(HttpLoad.this.uri)
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/x-ndjson")
				.header("Authorization", "Bearer " + HttpLoad.this.apiKey)
				.POST(HttpRequest.BodyPublishers.ofByteArray(batch))
				.build();
		}

	}

	/** Events in an NDJSON batch: its non-empty lines. */
	static int countLines(byte[] ndjson) {
		int lines = 0;
		boolean content = false;
		for (byte b : ndjson) {
			if (b == '\n') {
				lines += content ? 1 : 0;
				content = false;
			}
			else {
				content = true;
			}
		}
		return lines + (content ? 1 : 0);
	}

}
