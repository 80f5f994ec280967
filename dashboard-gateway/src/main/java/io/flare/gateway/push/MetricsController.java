package io.flare.gateway.push;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.rsocket.RSocket;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.flare.gateway.auth.AuthenticationException;
import io.flare.gateway.auth.Grant;
import io.flare.gateway.auth.TokenAuthenticator;
import io.flare.gateway.subscription.SharedEvaluations;
import io.flare.gateway.subscription.SubscriptionKey;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.annotation.ConnectMapping;
import org.springframework.stereotype.Controller;

/**
 * The RSocket routes; see the module's README for payloads.
 */
@Controller
final class MetricsController {

	private final SharedEvaluations evaluations;

	private final TokenAuthenticator authenticator;

	private final Map<RSocket, Grant> grants = new ConcurrentHashMap<>();

	MetricsController(SharedEvaluations evaluations, TokenAuthenticator authenticator) {
		this.evaluations = evaluations;
		this.authenticator = authenticator;
	}

	@ConnectMapping
	Mono<Void> connect(@Payload(required = false) @Nullable String setup, RSocketRequester requester) {
		return Mono.fromRunnable(() -> {
			Grant grant = this.authenticator.authenticate(setup);
			RSocket connection = requester.rsocket();
			if (connection != null) {
				this.grants.put(connection, grant);
				connection.onClose().doFinally((signal) -> this.grants.remove(connection)).subscribe();
			}
		});
	}

	@MessageMapping("metrics.query")
	Mono<JsonNode> query(MetricRequest request, RSocketRequester requester) {
		return Mono.fromCallable(() -> authorize(request, requester)).flatMap(this.evaluations::current);
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
