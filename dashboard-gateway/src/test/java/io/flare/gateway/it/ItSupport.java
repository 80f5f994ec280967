package io.flare.gateway.it;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.flare.infra.stack.StackProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;

import io.flare.gateway.GatewayApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;

/**
 * Starts the gateway against a real query service, connects to it, produces events.
 */
final class ItSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ItSupport() {
	}

	static int port(ConfigurableApplicationContext gateway) {
		return ((WebServerApplicationContext) gateway).getWebServer().getPort();
	}

	static ConfigurableApplicationContext startGateway(StackProperties stack, QueryServiceProcess queryService) {
		return new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--flare.gateway.query-service.url=" + queryService.url(),
				"--flare.gateway.changes.bootstrap-servers=" + stack.kafkaBootstrap(),
				"--flare.gateway.auth.tokens.it=*");
	}

	static RSocketRequester connect(ConfigurableApplicationContext gateway, String setup) {
		int port = port(gateway);
		return gateway.getBean(RSocketRequester.Builder.class)
			.setupData(setup)
			.dataMimeType(MediaType.APPLICATION_JSON)
			.websocket(URI.create("ws://127.0.0.1:" + port + "/rsocket"));
	}

	static String countDefinition(String source, String kind) {
		return """
				{"table": "events", "measure": {"type": "count"},
				 "filters": [{"column": "source", "op": "eq", "value": "%s"}],
				 "window": {"size": "5m", "bucket": "10s", "kind": "%s"}}""".formatted(source, kind);
	}

	static void produce(StackProperties stack, String source, int events) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map
			.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			for (int i = 0; i < events; i++) {
				String id = source + "-" + i;
				Map<String, Object> event = Map.of("eventId", id, "source", source, "category", "news", "type",
						"headline", "entityId", "story-" + i, "eventTime", System.currentTimeMillis(), "location",
						Map.of("country", "FR"), "value", i);
				producer
					.send(new ProducerRecord<>("events", id.getBytes(StandardCharsets.UTF_8),
							JSON.writeValueAsBytes(event)))
					.get();
			}
		}
	}

}
