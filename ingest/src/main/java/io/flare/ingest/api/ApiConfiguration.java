package io.flare.ingest.api;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.flare.ingest.IngestMetrics;
import io.flare.ingest.auth.ApiKeyAuthenticator;
import io.flare.ingest.auth.AuthProperties;
import io.flare.ingest.backpressure.InFlightLimiter;
import io.flare.ingest.backpressure.SourceRateLimiter;
import io.flare.ingest.hotkeys.HotKeyTracker;
import io.flare.ingest.publish.EventPublisher;
import io.flare.ingest.publish.PublishProperties;
import io.flare.ingest.validation.BatchReader;
import io.flare.ingest.validation.EventValidator;

/** The HTTP routes and their error translation. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
class ApiConfiguration {

	@Bean
	BatchIntake batchIntake(HttpProperties http, BatchReader reader, EventValidator validator, InFlightLimiter inFlight,
			IngestMetrics metrics, Clock clock) {
		return new BatchIntake(new BodyReader(http.maxBodySize().toBytes(), inFlight), reader,
				new BatchValidator(validator, metrics), clock);
	}

	@Bean
	RouterFunction<ServerResponse> eventsRoutes(ApiKeyAuthenticator authenticator, BatchIntake intake,
			InFlightLimiter inFlight, SourceRateLimiter rates, EventPublisher publisher, HotKeyTracker hotKeys,
			IngestMetrics metrics) {
		EventsHandler events = new EventsHandler(authenticator, intake, inFlight, rates, publisher, hotKeys, metrics);
		HotKeysHandler hot = new HotKeysHandler(hotKeys);
		return RouterFunctions.route().POST("/v1/events", events::ingest).GET("/v1/hot-keys", hot::hotKeys).build();
	}

	@Bean
	ProblemExceptionHandler problemExceptionHandler(PublishProperties publish, AuthProperties auth,
			IngestMetrics metrics) {
		return new ProblemExceptionHandler(new ProblemMapper(publish.retryAfter(), auth.storeTimeout().multipliedBy(2)),
				metrics);
	}

}
