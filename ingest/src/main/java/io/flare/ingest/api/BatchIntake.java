package io.flare.ingest.api;

import java.time.Clock;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.reactive.function.server.ServerRequest;

import io.flare.ingest.auth.ApiKey;
import io.flare.ingest.validation.BatchFormat;
import io.flare.ingest.validation.BatchReader;

/**
 * Turns a request into a validated batch: reads the body within its bounds, splits it
 * into events and validates each (on the parallel scheduler, off the event loop).
 */
final class BatchIntake {

	private final BodyReader bodies;

	private final BatchReader reader;

	private final BatchValidator validator;

	private final Clock clock;

	BatchIntake(BodyReader bodies, BatchReader reader, BatchValidator validator, Clock clock) {
		this.bodies = bodies;
		this.reader = reader;
		this.validator = validator;
		this.clock = clock;
	}

	Mono<BatchValidator.ValidatedBatch> read(ServerRequest request, ApiKey key, BodyReader.Held held) {
		BatchFormat format = EventsHandler.formatOf(request);
		boolean gzip = EventsHandler.isGzip(request);
		return this.bodies.read(request, gzip, held)
			.publishOn(Schedulers.parallel())
			.map((body) -> this.validator.validate(this.reader.read(body, format), key, this.clock.instant()));
	}

}
