package io.flare.gateway.it;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import io.flare.infra.stack.StackProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;

import io.flare.gateway.GatewayApplication;
import io.flare.gateway.transport.TcpRSocketServer;

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

	static ConfigurableApplicationContext startGateway(StackProperties stack, QueryServiceProcess queryService,
			String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--flare.gateway.tcp-port=0", "--flare.gateway.query-service.url=" + queryService.url(),
				"--flare.gateway.changes.bootstrap-servers=" + stack.kafkaBootstrap(),
				"--flare.gateway.changes.pinot.controller-url=" + stack.pinotControllerUrl(),
				"--flare.gateway.auth.tokens.it=*"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
	}

	static RSocketRequester connectTcp(ConfigurableApplicationContext gateway, String setup) {
		return gateway.getBean(RSocketRequester.Builder.class)
			.setupData(setup)
			.dataMimeType(MediaType.APPLICATION_JSON)
			.tcp("127.0.0.1", gateway.getBean(TcpRSocketServer.class).port());
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
		try (KafkaProducer<byte[], byte[]> producer = producer(stack)) {
			produce(producer, source, 0, events);
		}
	}

	static KafkaProducer<byte[], byte[]> producer(StackProperties stack) {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG,
						"all", ProducerConfig.LINGER_MS_CONFIG, 0),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	/**
	 * Produces events of a source and waits until Kafka acknowledged them all, as ingest
	 * does before it accepts a request.
	 */
	static void produce(KafkaProducer<byte[], byte[]> producer, String source, int first, int events) throws Exception {
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		for (int i = first; i < first + events; i++) {
			String id = source + "-" + i;
			Map<String, Object> event = Map.of("eventId", id, "source", source, "category", "news", "type", "headline",
					"entityId", "story-" + i, "eventTime", System.currentTimeMillis(), "location",
					Map.of("country", "FR"), "value", i);
			sent.add(producer.send(new ProducerRecord<>("events", id.getBytes(StandardCharsets.UTF_8),
					JSON.writeValueAsBytes(event))));
		}
		for (Future<RecordMetadata> ack : sent) {
			ack.get();
		}
	}

}
