package io.flare.simulator.sink;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.json.EventJsonEncoder;

/**
 * Posts each batch as NDJSON to the ingest API over HTTP/1.1 and retries 429, 502, 503,
 * 504 and connection failures with a bounded backoff that honours Retry-After. Counts
 * what ingest says it accepted and rejected, event by event (a rejected event is not
 * retried: sending it again cannot change the verdict). With more than one batch in
 * flight, {@link #send} returns once the batch is handed to a sender thread, blocking
 * while that many are unanswered; {@link #close} waits for them.
 */
final class HttpEventSink implements EventSink {

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

	private static final int MAX_DOUBLINGS = 16;

	private final HttpSinkProperties properties;

	private final HttpClient client;

	private final Sleeper sleeper;

	private final InstantSource clock;

	private final EventJsonEncoder encoder = new EventJsonEncoder();

	private final SinkCounters counters = new SinkCounters();

	private final @Nullable ExecutorService senders;

	private final Semaphore inFlight;

	HttpEventSink(HttpSinkProperties properties, HttpClient client, Sleeper sleeper, InstantSource clock) {
		this.properties = properties;
		this.client = client;
		this.sleeper = sleeper;
		this.clock = clock;
		this.inFlight = new Semaphore(properties.inFlight());
		this.senders = (properties.inFlight() > 1)
				? Executors.newFixedThreadPool(properties.inFlight(), (task) -> new Thread(task, "http-sink")) : null;
	}

	static HttpEventSink create(HttpSinkProperties properties) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		return new HttpEventSink(properties, client, (duration) -> Thread.sleep(duration.toMillis()),
				InstantSource.system());
	}

	@Override
	public void send(List<GeneratedEvent> batch) {
		this.counters.sent(batch.size());
		HttpRequest request = request(this.encoder.encodeNdjson(batch));
		if (this.senders == null) {
			deliverAndCount(request, batch.size());
			return;
		}
		this.inFlight.acquireUninterruptibly();
		try {
			this.senders.execute(() -> {
				try {
					deliverAndCount(request, batch.size());
				}
				finally {
					this.inFlight.release();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.inFlight.release();
			this.counters.failed(batch.size(), "the sink is closed");
		}
	}

	private void deliverAndCount(HttpRequest request, int events) {
		HttpAttempt outcome = deliver(request, events);
		if (outcome.accepted()) {
			this.counters.acknowledged(outcome.acceptedEvents());
		}
		if (outcome.rejectedEvents() > 0) {
			this.counters.failed(outcome.rejectedEvents(), outcome.error());
		}
	}

	/** The last attempt's outcome; its error says after how many attempts. */
	private HttpAttempt deliver(HttpRequest request, int events) {
		for (int attempt = 1;; attempt++) {
			HttpAttempt outcome = post(request, events);
			if (outcome.accepted()) {
				return outcome;
			}
			if (!outcome.retriable() || attempt >= this.properties.maxAttempts()) {
				return outcome.withError(outcome.error() + ((attempt > 1) ? " (after " + attempt + " attempts)" : ""));
			}
			try {
				this.sleeper.sleep(backoff(attempt, outcome.retryAfter()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return outcome.withError(outcome.error() + " (interrupted before retrying)");
			}
		}
	}

	private HttpAttempt post(HttpRequest request, int events) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return HttpAttempt.of(response, this.clock.instant(), events);
		}
		catch (IOException ex) {
			return HttpAttempt.unreachable("cannot post to " + this.properties.url() + ": " + ex, events);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return HttpAttempt.interrupted(events);
		}
	}

	/**
	 * Retry-After when the server gave one, else doubling from 200 ms; never above the
	 * cap.
	 */
	Duration backoff(int attempt, @Nullable Duration retryAfter) {
		Duration wait = (retryAfter != null) ? retryAfter
				: FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, MAX_DOUBLINGS));
		return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
	}

	private HttpRequest request(byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.properties.url())
			.timeout(this.properties.requestTimeout())
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (this.properties.apiKey() != null) {
			request.header("Authorization", "Bearer " + this.properties.apiKey());
		}
		return request.build();
	}

	@Override
	public SinkStats stats() {
		return this.counters.snapshot();
	}

	@Override
	public void close() {
		if (this.senders == null) {
			return; // each send waited for its answer
		}
		this.senders.shutdown();
		try {
			// every batch still queued or posting gets its attempts and backoffs
			Duration bound = this.properties.requestTimeout()
				.plus(this.properties.maxBackoff())
				.multipliedBy(this.properties.maxAttempts());
			if (!this.senders.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
				this.senders.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.senders.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

}
