package io.flare.ingest.api;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.flare.ingest.auth.AdminTokenException;
import io.flare.ingest.auth.AuthenticationException;
import io.flare.ingest.auth.KeyStoreUnavailableException;
import io.flare.ingest.backpressure.BackpressureException;
import io.flare.ingest.publish.PublishException;
import io.flare.ingest.validation.BatchTooLargeException;
import io.flare.ingest.validation.InvalidBatchException;

/** Maps every error that reaches the edge to its problem; the one place that does. */
final class ProblemMapper {

	private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

	private final Duration kafkaRetryAfter;

	private final Duration keyStoreRetryAfter;

	ProblemMapper(Duration kafkaRetryAfter, Duration keyStoreRetryAfter) {
		this.kafkaRetryAfter = kafkaRetryAfter;
		this.keyStoreRetryAfter = keyStoreRetryAfter;
	}

	Problem map(Throwable error) {
		Problem problem = clientProblem(error);
		return (problem != null) ? problem : serverProblem(error);
	}

	/** Problems the caller must fix (4xx), or null. */
	private static @Nullable Problem clientProblem(Throwable error) {
		if (error instanceof AuthenticationException || error instanceof AdminTokenException) {
			return Problem.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", error.getMessage());
		}
		if (error instanceof UnsupportedBodyException) {
			return Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-body", "Unsupported body",
					error.getMessage());
		}
		if (error instanceof BodyTooLargeException || error instanceof BatchTooLargeException
				|| error instanceof DataBufferLimitException) {
			return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large", error.getMessage());
		}
		if (error instanceof InvalidBatchException) {
			return Problem.of(HttpStatus.BAD_REQUEST, "invalid-batch", "Invalid batch", error.getMessage());
		}
		if (error instanceof BackpressureException backpressure) {
			return Problem
				.of(HttpStatus.TOO_MANY_REQUESTS, backpressure.refusal().reason().replace('_', '-'),
						"Too many requests", error.getMessage())
				.retryAfter(backpressure.refusal().retryAfter());
		}
		if (error instanceof ResponseStatusException status) {
			HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
			String detail = (status.getReason() != null) ? status.getReason() : code.getReasonPhrase();
			return Problem.of(code, code.name().toLowerCase().replace('_', '-'), code.getReasonPhrase(), detail);
		}
		return null;
	}

	private Problem serverProblem(Throwable error) {
		if (error instanceof PublishException publish) {
			return publishProblem(publish);
		}
		if (error instanceof KeyStoreUnavailableException) {
			return Problem
				.of(HttpStatus.SERVICE_UNAVAILABLE, "key-store-unavailable", "Service unavailable", error.getMessage())
				.retryAfter(this.keyStoreRetryAfter);
		}
		LOG.error("Unexpected error answering a request", error);
		return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"the service failed unexpectedly; nothing of this request was acknowledged");
	}

	private Problem publishProblem(PublishException publish) {
		String detail = publish.getMessage()
				+ ". No event of this batch is acknowledged: send it again (event ids are stable, so events that did "
				+ "reach Kafka count once)";
		if (!publish.isRetriable()) {
			LOG.error("Kafka refused a batch for good", publish);
			return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "kafka-rejected", "Kafka rejected the batch", detail)
				.with(Map.of("failed", publish.failed()));
		}
		return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Service unavailable", detail)
			.retryAfter(this.kafkaRetryAfter)
			.with(Map.of("failed", publish.failed()));
	}

}
