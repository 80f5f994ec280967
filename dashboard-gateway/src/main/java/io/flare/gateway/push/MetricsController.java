package io.flare.gateway.push;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.rsocket.RSocket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.flare.gateway.auth.AuthenticationException;
import io.flare.gateway.auth.Grant;
import io.flare.gateway.auth.TokenAuthenticator;
import io.flare.gateway.query.MetricResultSource;
import io.flare.gateway.query.QueryServiceException;
import io.flare.gateway.subscription.SharedEvaluations;
import io.flare.gateway.subscription.SubscriptionKey;

import org.springframework.core.codec.DecodingException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.annotation.ConnectMapping;
import org.springframework.stereotype.Controller;

/**
 * The RSocket routes; see the module's README for payloads.
 */
@Controller
final class MetricsController {

	private static final Logger LOGGER = LoggerFactory.getLogger(MetricsController.class);

	private final SharedEvaluations evaluations;

	private final TokenAuthenticator authenticator;

	private final MetricResultSource source;

	private final Map<RSocket, Grant> grants = new ConcurrentHashMap<>();

	MetricsController(SharedEvaluations evaluations, TokenAuthenticator authenticator, MetricResultSource source) {
		this.evaluations = evaluations;
		this.authenticator = authenticator;
		this.source = source;
	}

	@ConnectMapping
	Mono<Void> connect(@Payload(required = false) @Nullable String setup, RSocketRequester requester) {
		return Mono.fromRunnable(() -> {
			Grant grant = this.authenticator.authenticate(setup);
			RSocket connection = requester.rsocket();
			if (connection != null) {
				this.grants.put(connection, grant);
				// a connection that ends with an error (the peer disposed of it) is
				// closed all the same
				connection.onClose()
					.doFinally((signal) -> this.grants.remove(connection))
					.onErrorComplete()
					.subscribe();
			}
		});
	}

	@MessageMapping("metrics.query")
	Mono<JsonNode> query(MetricRequest request, RSocketRequester requester) {
		return Mono.fromCallable(() -> authorize(request, requester)).flatMap(this.evaluations::current);
	}

	@MessageMapping("metrics.drilldown")
	Mono<JsonNode> drilldown(DrilldownRequest request, RSocketRequester requester) {
		return Mono.fromCallable(() -> authorize(request.metricRequest(), requester))
			.flatMap((key) -> this.source.drilldown(key.metric(), key.params(), request.requireBucket(),
					request.pageOrFirst(), request.sizeOrDefault()));
	}

	@MessageMapping("metrics.list")
	Flux<MetricSummary> list(RSocketRequester requester) {
		Grant grant = grant(requester);
		return this.evaluations.metrics()
			.flatMapIterable((versions) -> versions)
			.filter((version) -> grant.permits(version.path("name").asString("")))
			.map(MetricSummary::of);
	}

	@MessageMapping("metrics.subscribe")
	Flux<Update> subscribe(MetricRequest request, RSocketRequester requester) {
		return Mono.fromCallable(() -> authorize(request, requester))
			.flatMapMany((key) -> UpdateStream.of(this.evaluations.states(key)));
	}

	/**
	 * A refused or failed request ends its stream with an error frame carrying the
	 * message; the refusals a client caused are not the server's errors and are logged at
	 * debug only.
	 */
	@MessageExceptionHandler
	Mono<Void> refuse(Throwable ex) {
		if (ex instanceof AuthenticationException || ex instanceof IllegalArgumentException
				|| ex instanceof QueryServiceException || ex instanceof MessageConversionException
				|| ex instanceof MethodArgumentResolutionException || ex instanceof DecodingException) {
			LOGGER.debug("Request refused: {}", ex.toString());
		}
		else {
			LOGGER.warn("Request failed", ex);
		}
		return Mono.error(ex);
	}

	private SubscriptionKey authorize(MetricRequest request, RSocketRequester requester) {
		SubscriptionKey key = new SubscriptionKey(request.metric(),
				(request.params() != null) ? request.params() : Map.of());
		if (!grant(requester).permits(key.metric())) {
			throw new AuthenticationException("metric '" + key.metric() + "' is not allowed for this token");
		}
		return key;
	}

	private Grant grant(RSocketRequester requester) {
		RSocket connection = requester.rsocket();
		Grant grant = (connection != null) ? this.grants.get(connection) : null;
		// a connection always has one after its setup; none grants nothing
		return (grant != null) ? grant : new Grant(Set.of());
	}

}
