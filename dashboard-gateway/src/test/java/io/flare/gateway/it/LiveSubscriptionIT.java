package io.flare.gateway.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.FlareStackTest;
import io.rsocket.exceptions.RejectedSetupException;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.flare.gateway.push.MetricRequest;
import io.flare.gateway.push.Update;
import io.flare.gateway.subscription.SharedEvaluations;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.rsocket.RSocketRequester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end on the real stack: the gateway over a real RSocket WebSocket connection,
 * evaluating through a real query service; events produced to Kafka change a subscribed
 * result, and the change is pushed.
 */
@FlareStackTest
class LiveSubscriptionIT {

	@Test
	void shouldPushAChangedCountAfterEventsAreProducedToKafka(StackProperties stack) throws Exception {
		String source = "gateway-it-" + UUID.randomUUID().toString().substring(0, 8);
		String metric = source;
		try (QueryServiceProcess queryService = QueryServiceProcess.start(stack);
				ConfigurableApplicationContext gateway = ItSupport.startGateway(stack, queryService)) {
			assertThat(queryService.put("/v1/metrics/" + metric, ItSupport.countDefinition(source, "sliding"))
				.statusCode()).as("PUT metric").isIn(200, 201);
			RSocketRequester first = ItSupport.connect(gateway, "{\"token\": \"it\"}");
			RSocketRequester second = ItSupport.connect(gateway, "{\"token\": \"it\"}");
			List<Update> updates = new CopyOnWriteArrayList<>();
			List<Update> others = new CopyOnWriteArrayList<>();
			Disposable subscription = subscribe(first, metric, updates);
			Disposable other = subscribe(second, metric, others);
			try {
				await("a snapshot").atMost(Duration.ofSeconds(30)).until(() -> !updates.isEmpty() && !others.isEmpty());
				assertThat(updates.get(0).type()).isEqualTo(Update.SNAPSHOT);
				assertThat(count(updates.get(0).result())).isZero();
				assertThat(gateway.getBean(SharedEvaluations.class).size()).as("distinct evaluations").isOne();

				ItSupport.produce(stack, source, 5);

				await("a pushed count of 5").atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> updates.stream().anyMatch(LiveSubscriptionIT::countsFive));
				Update pushed = updates.stream().filter(LiveSubscriptionIT::countsFive).findFirst().orElseThrow();
				assertThat(pushed.seq()).isGreaterThan(1);
				assertThat(pushed.result().path("asOf").asLong()).isPositive();
				await("the other subscriber sees it too").atMost(Duration.ofSeconds(10))
					.until(() -> others.stream().anyMatch(LiveSubscriptionIT::countsFive));
			}
			finally {
				subscription.dispose();
				other.dispose();
				first.dispose();
				second.dispose();
				queryService.delete("/v1/metrics/" + metric);
			}
		}
	}

	@Test
	void shouldRejectAnUnknownTokenAndKeepServing(StackProperties stack) throws Exception {
		try (QueryServiceProcess queryService = QueryServiceProcess.start(stack);
				ConfigurableApplicationContext gateway = ItSupport.startGateway(stack, queryService)) {
			StepVerifier
				.create(ItSupport.connect(gateway, "{\"token\": \"nope\"}")
					.route("metrics.query")
					.data(new MetricRequest("events-per-second", Map.of()))
					.retrieveMono(JsonNode.class))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RejectedSetupException.class)
					.hasMessage("setup: unknown token"))
				.verify(Duration.ofSeconds(10));
			StepVerifier
				.create(ItSupport.connect(gateway, "{\"token\": \"it\"}")
					.route("metrics.query")
					.data(new MetricRequest("no-such-metric-" + UUID.randomUUID().toString().substring(0, 8), Map.of()))
					.retrieveMono(JsonNode.class))
				.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("404"))
				.verify(Duration.ofSeconds(10));
		}
	}

	private static boolean countsFive(Update update) {
		if (Update.SNAPSHOT.equals(update.type())) {
			return count(update.result()) == 5;
		}
		return update.changes() != null
				&& update.changes().values().stream().anyMatch((entry) -> entry.path("value").asDouble() == 5);
	}

	private static double count(JsonNode result) {
		JsonNode values = result.path("values");
		return values.isEmpty() ? 0 : values.get(0).path("value").asDouble();
	}

	private static Disposable subscribe(RSocketRequester requester, String metric, List<Update> into) {
		return requester.route("metrics.subscribe")
			.data(new MetricRequest(metric, Map.of()))
			.retrieveFlux(Update.class)
			.subscribe(into::add);
	}

}
