package io.flare.infra.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flare.infra.stack.StackProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flare's provisioning and ingestion path on the production images: Apache Pinot 1.x
 * (ZooKeeper, controller, broker and server, each in its own container and started as
 * {@code infra/production/compose.yaml} starts them) and {@code apache/kafka} (KRaft).
 * The provisioner runs in a JRE container on the same network, as the compose job does:
 * the Kafka address it writes into the table config must be the one the Pinot server
 * reaches ({@code kafka:19092}), which the test JVM cannot resolve.
 * <p>
 * Needs a Docker engine. Without one, JUnit reports the class as skipped with the reason
 * "disabledWithoutDocker is true and Docker is not available". Other images:
 * {@code -Dflare.it.pinot-image=...}, {@code -Dflare.it.kafka-image=...}; for Pinot 1.5,
 * which ships the kafka-3.0 plugin instead of kafka-2.0, also
 * {@code -Dflare.it.pinot-consumer-factory=org.apache.pinot.plugin.stream.kafka30.KafkaConsumerFactory}.
 */
@Tag("docker")
@Testcontainers(disabledWithoutDocker = true, parallel = true)
@DisplayName("ProductionImagesIT: Flare on the apachepinot/pinot 1-series and apache/kafka images (needs Docker, skipped without it)")
class ProductionImagesIT {

	private static final String PINOT_IMAGE = System.getProperty("flare.it.pinot-image", "apachepinot/pinot:1.4.0");

	private static final String KAFKA_IMAGE = System.getProperty("flare.it.kafka-image", "apache/kafka:4.1.2");

	private static final String JRE_IMAGE = "eclipse-temurin:17-jre";

	/**
	 * Empty keeps the table config's consumer factory: kafka-2.0, the plugin the 1.2 to
	 * 1.4 images ship.
	 */
	private static final String CONSUMER_FACTORY = System.getProperty("flare.it.pinot-consumer-factory", "");

	private static final String ZOOKEEPER_ADDRESS = "pinot-zookeeper:2181";

	private static final String KAFKA_IN_NETWORK = "kafka:19092";

	private static final int CONTROLLER_PORT = 9000;

	private static final int BROKER_PORT = 8099;

	private static final int SERVER_ADMIN_PORT = 8097;

	private static final Duration PINOT_START = Duration.ofMinutes(5);

	private static final Duration INGESTION = Duration.ofMinutes(3);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final Network NETWORK = Network.newNetwork();

	@Container
	static final KafkaContainer KAFKA = new KafkaContainer(
			DockerImageName.parse(KAFKA_IMAGE).asCompatibleSubstituteFor("apache/kafka"))
		.withNetwork(NETWORK)
		.withNetworkAliases("kafka")
		.withListener(KAFKA_IN_NETWORK);

	@Container
	static final GenericContainer<?> ZOOKEEPER = pinot("pinot-zookeeper", 2181, "StartZookeeper", "-zkPort", "2181")
		.waitingFor(Wait.forListeningPort().withStartupTimeout(PINOT_START));

	@Container
	static final GenericContainer<?> CONTROLLER = pinotRole("pinot-controller", CONTROLLER_PORT, "StartController",
			"-zkAddress", ZOOKEEPER_ADDRESS, "-controllerHost", "pinot-controller", "-controllerPort", "9000")
		.dependsOn(ZOOKEEPER);

	@Container
	static final GenericContainer<?> BROKER = pinotRole("pinot-broker", BROKER_PORT, "StartBroker", "-zkAddress",
			ZOOKEEPER_ADDRESS, "-brokerHost", "pinot-broker", "-brokerPort", "8099")
		.dependsOn(CONTROLLER);

	@Container
	static final GenericContainer<?> SERVER = pinotRole("pinot-server", SERVER_ADMIN_PORT, "StartServer", "-zkAddress",
			ZOOKEEPER_ADDRESS, "-serverHost", "pinot-server", "-serverPort", "8098", "-serverAdminPort", "8097")
		.dependsOn(CONTROLLER);

	@BeforeAll
	static void provision() {
		// OneShotStartupCheckStrategy: start() returns once the provisioner exited 0,
		// and throws otherwise
		try (GenericContainer<?> provisioner = provisioner()) {
			provisioner.start();
		}
	}

	@Test
	void shouldCreateTheEventsSchemaAndRealtimeTableOnThePinot1xController() {
		JsonNode schema = controllerGet("/schemas/events");
		assertThat(schema.path("schemaName").asText()).isEqualTo("events");
		assertThat(schema.path("primaryKeyColumns").toString()).contains("\"eventId\"");

		JsonNode table = controllerGet("/tables/events?type=realtime").path("REALTIME");
		assertThat(table.path("tableName").asText()).isEqualTo("events_REALTIME");
		assertThat(table.path("routing").path("instanceSelectorType").asText()).isEqualTo("strictReplicaGroup");
		assertThat(table.path("dedupConfig").path("dedupEnabled").asBoolean()).isTrue();
		JsonNode stream = table.path("ingestionConfig").path("streamIngestionConfig").path("streamConfigMaps").path(0);
		assertThat(stream.path("stream.kafka.topic.name").asText()).isEqualTo("events");
		assertThat(stream.path("stream.kafka.broker.list").asText()).isEqualTo(KAFKA_IN_NETWORK);
	}

	@Test
	void shouldCountAnEventOnceOnThePinot1xBrokerEvenWhenKafkaDeliversItTwice() throws Exception {
		String source = "images-" + UUID.randomUUID().toString().substring(0, 8);
		String fenceSource = source + "-fence";
		PinotBroker broker = new PinotBroker(url(BROKER, BROKER_PORT));
		// one partition for the event, its duplicate and the fence: Pinot consumes a
		// partition in order, so once the fence is visible the duplicate was consumed too
		int partition = 0;
		try (KafkaProducer<byte[], byte[]> producer = producer()) {
			List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
			records.add(record(partition, source + "-1", source));
			records.add(record(partition, source + "-1", source));
			records.add(record(partition, fenceSource + "-1", fenceSource));
			for (ProducerRecord<byte[], byte[]> record : records) {
				producer.send(record).get();
			}
		}
		await("Pinot 1.x consumed the fence event").atMost(INGESTION)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> broker.queryLong(countBySource(fenceSource)), (n) -> n == 1);
		assertThat(broker.queryLong(countBySource(source))).as("events counted for one event sent twice").isEqualTo(1);
	}

	private static GenericContainer<?> pinot(String alias, int port, String... command) {
		return new GenericContainer<>(DockerImageName.parse(PINOT_IMAGE)).withNetwork(NETWORK)
			.withNetworkAliases(alias)
			.withEnv("JAVA_OPTS", "-Xms128m -Xmx1g -XX:+UseG1GC -Dpinot.admin.system.exit=false")
			.withExposedPorts(port)
			.withCommand(command);
	}

	private static GenericContainer<?> pinotRole(String alias, int healthPort, String... command) {
		return pinot(alias, healthPort, command)
			.waitingFor(Wait.forHttp("/health").forPort(healthPort).forStatusCode(200).withStartupTimeout(PINOT_START));
	}

	private static GenericContainer<?> provisioner() {
		Path root = StackProperties.locateRoot();
		Path target = root.resolve("infra/provisioner/target");
		Path classes = target.resolve("classes");
		Path classpath = target.resolve("classpath.txt");
		if (!Files.isDirectory(classes) || !Files.isRegularFile(classpath)) {
			throw new IllegalStateException("The provisioner is not built (missing " + classes + " or " + classpath
					+ "): run ./mvnw -pl infra/provisioner -am package first");
		}
		GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(JRE_IMAGE)).withNetwork(NETWORK)
			.withCopyFileToContainer(MountableFile.forHostPath(classes), "/opt/flare/classes")
			.withCopyFileToContainer(MountableFile.forHostPath(root.resolve("schemas")), "/opt/flare/root/schemas")
			.withCopyFileToContainer(MountableFile.forHostPath(root.resolve("table-configs")),
					"/opt/flare/root/table-configs")
			.withCommand(provisionerCommand())
			.withLogConsumer((frame) -> System.out.print("[provisioner] " + frame.getUtf8String()))
			.withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(3)));
		for (String jar : read(classpath).trim().split(File.pathSeparator)) {
			Path path = Path.of(jar);
			container.withCopyFileToContainer(MountableFile.forHostPath(path), "/opt/flare/lib/" + path.getFileName());
		}
		return container;
	}

	private static String[] provisionerCommand() {
		List<String> command = new ArrayList<>(List.of("java", "-cp", "/opt/flare/classes:/opt/flare/lib/*",
				"io.flare.infra.provisioning.ProvisionerMain", "--root", "/opt/flare/root", "--controller",
				"http://pinot-controller:" + CONTROLLER_PORT, "--bootstrap", KAFKA_IN_NETWORK, "--partitions", "2",
				"--replication", "1"));
		if (!CONSUMER_FACTORY.isBlank()) {
			command.addAll(List.of("--consumer-factory", CONSUMER_FACTORY));
		}
		return command.toArray(String[]::new);
	}

	private static JsonNode controllerGet(String path) {
		URI uri = URI.create(url(CONTROLLER, CONTROLLER_PORT) + path);
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET " + uri + " answered " + response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach the Pinot controller at " + uri + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static KafkaProducer<byte[], byte[]> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(), ProducerConfig.ACKS_CONFIG,
						"all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static ProducerRecord<byte[], byte[]> record(int partition, String eventId, String source)
			throws IOException {
		Map<String, Object> location = Map.of("country", "DE", "region", "BE", "city", "Berlin", "lat", 52.52, "lon",
				13.40);
		Map<String, Object> event = Map.of("eventId", eventId, "source", source, "category", "sports", "type", "goal",
				"entityId", "match-1", "eventTime", System.currentTimeMillis(), "location", location, "value", 1,
				"attributes", Map.of("minute", "90"));
		return new ProducerRecord<>("events", partition, eventId.getBytes(StandardCharsets.UTF_8),
				JSON.writeValueAsBytes(event));
	}

	private static String countBySource(String source) {
		return "SELECT COUNT(*) FROM events WHERE source = '" + source + "'";
	}

	private static String url(GenericContainer<?> container, int port) {
		return "http://" + container.getHost() + ":" + container.getMappedPort(port);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file + ": " + ex, ex);
		}
	}

}
