package io.flare.ingest.api;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.flare.ingest.IngestMetrics;
import io.flare.ingest.auth.ApiKeyAuthenticator;
import io.flare.ingest.backpressure.InFlightLimiter;
import io.flare.ingest.backpressure.SourceRateLimiter;
import io.flare.ingest.hotkeys.HotKeyTracker;
import io.flare.ingest.publish.EventPublisher;
import io.flare.ingest.validation.BatchFormat;
import io.flare.model.Event;

/**
 * {@code POST /v1/events}: authenticate, read the body within its bounds, validate each
 * event, take in-flight and rate-limit room, publish, and answer once Kafka acknowledged
 * every accepted event.
 */
final class EventsHandler {

	static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private final ApiKeyAuthenticator authenticator;

	private final BatchIntake intake;

	private final InFlightLimiter inFlight;

	private final SourceRateLimiter rates;

	private final EventPublisher publisher;

	private final HotKeyTracker hotKeys;

	private final IngestMetrics metrics;

	EventsHandler(ApiKeyAuthenticator authenticator, BatchIntake intake, InFlightLimiter inFlight,
			SourceRateLimiter rates, EventPublisher publisher, HotKeyTracker hotKeys, IngestMetrics metrics) {
		this.authenticator = authenticator;
		this.intake = intake;
		this.inFlight = inFlight;
		this.rates = rates;
		this.publisher = publisher;
		this.hotKeys = hotKeys;
		this.metrics = metrics;
	}

	Mono<ServerResponse> ingest(ServerRequest request) {
		return this.authenticator.authenticate(request.headers().asHttpHeaders()).flatMap((key) -> {
			BodyReader.Held held = new BodyReader.Held();
			return this.intake.read(request, key, held)
				.flatMap((batch) -> publish(batch, held))
				.doFinally((signal) -> held.releaseTo(this.inFlight));
		});
	}

	private Mono<ServerResponse> publish(BatchValidator.ValidatedBatch batch, BodyReader.Held held) {
		List<Event> accepted = batch.accepted();
		if (accepted.isEmpty()) {
			return respond(HttpStatus.UNPROCESSABLE_CONTENT, batch, List.of());
		}
		this.inFlight.acquireEvents(accepted.size());
		held.events = accepted.size();
		this.rates.acquire(batch.bySource());
		return this.publisher.publish(accepted).then(Mono.defer(() -> {
			batch.bySource().forEach((source, count) -> this.metrics.accepted(IngestMetrics.HTTP, source, count));
			this.hotKeys.record(accepted);
			return respond(HttpStatus.OK, batch, accepted.stream().map(Event::eventId).toList());
		}));
	}

	private static Mono<ServerResponse> respond(HttpStatus status, BatchValidator.ValidatedBatch batch,
			List<String> ids) {
		IngestResult result = new IngestResult(ids.size(), batch.rejected(), ids, batch.errors());
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(result);
	}

	static BatchFormat formatOf(ServerRequest request) {
		MediaType type;
		try {
			type = request.headers().contentType().orElse(null);
		}
		catch (InvalidMediaTypeException ex) {
			type = null;
		}
		if (type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON) && isUtf8(type)) {
			return BatchFormat.JSON_ARRAY;
		}
		if (type != null && type.isCompatibleWith(NDJSON) && isUtf8(type)) {
			return BatchFormat.NDJSON;
		}
		throw new UnsupportedBodyException("Content-Type must be application/json (a JSON array of events) or "
				+ "application/x-ndjson (one event per line), UTF-8");
	}

	private static boolean isUtf8(MediaType type) {
		return type.getCharset() == null || "UTF-8".equals(type.getCharset().name());
	}

	static boolean isGzip(ServerRequest request) {
		List<String> encodings = request.headers().header(HttpHeaders.CONTENT_ENCODING);
		if (encodings.isEmpty() || (encodings.size() == 1 && "identity".equalsIgnoreCase(encodings.get(0).trim()))) {
			return false;
		}
		if (encodings.size() == 1 && "gzip".equalsIgnoreCase(encodings.get(0).trim())) {
			return true;
		}
		throw new UnsupportedBodyException("Content-Encoding must be gzip or absent but was " + encodings);
	}

}
