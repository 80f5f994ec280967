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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts prepared NDJSON batches from several client threads, each waiting for its answer
 * before the next (closed loop), and records every request's latency once measuring.
 */
final class HttpLoad {

	private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

	private final URI uri;

	private final String apiKey;

	private final List<byte[]> batches;

	private final AtomicBoolean measuring = new AtomicBoolean();

	private final AtomicBoolean running = new AtomicBoolean(true);

	HttpLoad(URI uri, String apiKey, List<byte[]> batches) {
		this.uri = uri;
		this.apiKey = apiKey;
		this.batches = batches;
	}

	/** Runs the clients: warm-up (not measured), then the measured duration. */
	Result run(int clients, Duration warmup, Duration duration) throws InterruptedException {
		List<Client> workers = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Client client = new Client(i);
			workers.add(client);
			Thread thread = new Thread(client, "http-load-" + i);
			threads.add(thread);
			thread.start();
		}
		Thread.sleep(warmup.toMillis());
		this.measuring.set(true);
		long start = System.nanoTime();
		Thread.sleep(duration.toMillis());
		this.measuring.set(false);
		long elapsed = System.nanoTime() - start;
		this.running.set(false);
		for (Thread thread : threads) {
			thread.join(60_000);
		}
		return Result.of(workers, elapsed);
	}

	/** What the measured part of the run did. */
	record Result(long requests, long acceptedEvents, double seconds, double[] latenciesMs,
			Map<Integer, Long> failuresByStatus) {

		static Result of(List<Client> clients, long elapsedNanos) {
			long requests = 0;
			long accepted = 0;
			List<Double> latencies = new ArrayList<>();
			Map<Integer, Long> failures = new TreeMap<>();
			for (Client client : clients) {
				requests += client.requests;
				accepted += client.accepted;
				latencies.addAll(client.latenciesMs);
				client.failures.forEach((status, n) -> failures.merge(status, n, Long::sum));
			}
			return new Result(requests, accepted, elapsedNanos / 1e9,
					latencies.stream().mapToDouble(Double::doubleValue).toArray(), failures);
		}

	}

	final class Client implements Runnable {

		private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		private final int offset;

		private final List<Double> latenciesMs = new ArrayList<>();

		private final Map<Integer, Long> failures = new TreeMap<>();

		private long requests;

		private long accepted;

		Client(int offset) {
			this.offset = offset;
		}

		@Override
		public void run() {
			int next = this.offset;
			while (HttpLoad.this.running.get()) {
				byte[] batch = HttpLoad.this.batches.get(next++ % HttpLoad.this.batches.size());
				long start = System.nanoTime();
				int status;
				String body;
				try {
					HttpResponse<String> response = this.http.send(request(batch),
							HttpResponse.BodyHandlers.ofString());
					status = response.statusCode();
					body = response.body();
				}
				catch (IOException ex) {
					status = -1;
					body = "";
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				record(status, body, System.nanoTime() - start);
			}
		}

		private void record(int status, String body, long nanos) {
			if (!HttpLoad.this.measuring.get()) {
				return;
			}
			this.requests++;
			this.latenciesMs.add(nanos / 1e6);
			Matcher matcher = ACCEPTED.matcher(body);
			if (status == 200 && matcher.find()) {
				this.accepted += Long.parseLong(matcher.group(1));
			}
			else {
				this.failures.merge(status, 1L, Long::sum);
			}
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

}
