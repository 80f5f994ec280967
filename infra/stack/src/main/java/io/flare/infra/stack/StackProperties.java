package io.flare.infra.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where the local stack keeps its state and which loopback ports it uses. Every value can
 * be overridden by an environment variable (e.g. {@code FLARE_KAFKA_PORT}) or a system
 * property ({@code flare.kafka.port}).
 *
 * @param root the repository root (holds {@code schemas/}, {@code table-configs/}, the
 * module builds)
 * @param home the one data directory: data, logs and PID files (default
 * {@code <root>/.flare})
 * @param host the loopback address everything binds and connects to
 * @param postgresPort PostgreSQL port
 * @param kafkaPort Kafka broker listener port
 * @param kafkaControllerPort Kafka KRaft controller listener port
 * @param zkPort Pinot's ZooKeeper port
 * @param pinotControllerPort Pinot controller HTTP port
 * @param pinotBrokerPort Pinot broker query port
 * @param pinotServerPort Pinot server query port
 * @param pinotServerAdminPort Pinot server admin port
 * @param pinotServerGrpcPort Pinot server gRPC port
 * @param pinotMinionPort Pinot minion port
 * @param ingestPort ingest service HTTP port
 * @param queryPort query service HTTP port
 * @param gatewayPort dashboard gateway HTTP port
 * @param pinotHeap Pinot JVM maximum heap, e.g. {@code 4g}
 * @param kafkaHeap Kafka JVM maximum heap
 * @param demoRate events per second of the demo feed
 */
public record StackProperties(Path root, Path home, String host, int postgresPort, int kafkaPort,
		int kafkaControllerPort, int zkPort, int pinotControllerPort, int pinotBrokerPort, int pinotServerPort,
		int pinotServerAdminPort, int pinotServerGrpcPort, int pinotMinionPort, int ingestPort, int queryPort,
		int gatewayPort, String pinotHeap, String kafkaHeap, int demoRate) {

	/**
	 * Reads the properties from system properties and the environment; what neither sets
	 * is taken from the settings the stack in the same home was last started with (so
	 * {@code status} and {@code down} find a stack started on other ports), then from the
	 * defaults.
	 */
	public static StackProperties fromEnvironment(Path root) {
		Function<String, String> explicit = (key) -> {
			String fromSystem = System.getProperty("flare." + key.replace('_', '.').toLowerCase());
			return (fromSystem != null) ? fromSystem : System.getenv("FLARE_" + key);
		};
		String home = explicit.apply("HOME");
		Path homeDir = (home != null && !home.isBlank()) ? Path.of(home) : root.resolve(".flare");
		Properties saved = SavedSettings.read(homeDir);
		return from(root, (key) -> {
			String value = explicit.apply(key);
			return (value != null) ? value : saved.getProperty(key);
		});
	}

	static StackProperties from(Path root, Function<String, String> lookup) {
		Values values = new Values(lookup);
		Path home = Path.of(values.string("HOME", root.resolve(".flare").toString())).toAbsolutePath();
		return new StackProperties(root.toAbsolutePath(), home, "127.0.0.1", values.port("POSTGRES_PORT", 5432),
				values.port("KAFKA_PORT", 9092), values.port("KAFKA_CONTROLLER_PORT", 9093),
				values.port("ZK_PORT", 2181), values.port("PINOT_CONTROLLER_PORT", 9000),
				values.port("PINOT_BROKER_PORT", 8099), values.port("PINOT_SERVER_PORT", 8098),
				values.port("PINOT_SERVER_ADMIN_PORT", 8097), values.port("PINOT_SERVER_GRPC_PORT", 8090),
				values.port("PINOT_MINION_PORT", 9514), values.port("INGEST_PORT", 8081),
				values.port("QUERY_PORT", 8082), values.port("GATEWAY_PORT", 8080), values.string("PINOT_HEAP", "4g"),
				values.string("KAFKA_HEAP", "1g"), values.integer("DEMO_RATE", 200));
	}

	/**
	 * Finds the repository root: {@code flare.root} if set, else the nearest parent
	 * holding schemas/.
	 */
	public static Path locateRoot() {
		String configured = System.getProperty("flare.root");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath();
		}
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isDirectory(dir.resolve("schemas")) && Files.isDirectory(dir.resolve("infra"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new StackException("Cannot find the Flare repository root from " + Path.of("").toAbsolutePath()
				+ "; set -Dflare.root=<repo>");
	}

	/**
	 * Every setting under its variable name without the {@code FLARE_} prefix, for
	 * {@link SavedSettings}.
	 */
	Map<String, String> settings() {
		Map<String, String> map = new java.util.TreeMap<>();
		map.put("POSTGRES_PORT", Integer.toString(this.postgresPort));
		map.put("KAFKA_PORT", Integer.toString(this.kafkaPort));
		map.put("KAFKA_CONTROLLER_PORT", Integer.toString(this.kafkaControllerPort));
		map.put("ZK_PORT", Integer.toString(this.zkPort));
		map.put("PINOT_CONTROLLER_PORT", Integer.toString(this.pinotControllerPort));
		map.put("PINOT_BROKER_PORT", Integer.toString(this.pinotBrokerPort));
		map.put("PINOT_SERVER_PORT", Integer.toString(this.pinotServerPort));
		map.put("PINOT_SERVER_ADMIN_PORT", Integer.toString(this.pinotServerAdminPort));
		map.put("PINOT_SERVER_GRPC_PORT", Integer.toString(this.pinotServerGrpcPort));
		map.put("PINOT_MINION_PORT", Integer.toString(this.pinotMinionPort));
		map.put("INGEST_PORT", Integer.toString(this.ingestPort));
		map.put("QUERY_PORT", Integer.toString(this.queryPort));
		map.put("GATEWAY_PORT", Integer.toString(this.gatewayPort));
		map.put("PINOT_HEAP", this.pinotHeap);
		map.put("KAFKA_HEAP", this.kafkaHeap);
		map.put("DEMO_RATE", Integer.toString(this.demoRate));
		return map;
	}

	public String kafkaBootstrap() {
		return this.host + ":" + this.kafkaPort;
	}

	public String pinotControllerUrl() {
		return "http://" + this.host + ":" + this.pinotControllerPort;
	}

	public String pinotBrokerUrl() {
		return "http://" + this.host + ":" + this.pinotBrokerPort;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.postgresPort + "/flare";
	}

	public Path logs() {
		return this.home.resolve("logs");
	}

	public Path run() {
		return this.home.resolve("run");
	}

	public Path data() {
		return this.home.resolve("data");
	}

	Map<String, Integer> portsOf(String component) {
		return switch (component) {
			case "postgres" -> Map.of("postgres", this.postgresPort);
			case "kafka" -> Map.of("kafka", this.kafkaPort, "kafka-controller", this.kafkaControllerPort);
			case "pinot" -> Map.of("zookeeper", this.zkPort, "pinot-controller", this.pinotControllerPort,
					"pinot-broker", this.pinotBrokerPort, "pinot-server", this.pinotServerPort, "pinot-server-admin",
					this.pinotServerAdminPort, "pinot-server-grpc", this.pinotServerGrpcPort, "pinot-minion",
					this.pinotMinionPort);
			case "ingest" -> Map.of("ingest", this.ingestPort);
			case "query-service" -> Map.of("query-service", this.queryPort);
			case "dashboard-gateway" -> Map.of("dashboard-gateway", this.gatewayPort);
			default -> Map.of();
		};
	}

	private record Values(Function<String, String> lookup) {

		String string(String key, String defaultValue) {
			String value = this.lookup.apply(key);
			return (value == null || value.isBlank()) ? defaultValue : value.trim();
		}

		int integer(String key, int defaultValue) {
			String value = string(key, null);
			if (value == null) {
				return defaultValue;
			}
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new StackException("FLARE_" + key + " must be a whole number, got '" + value + "'");
			}
		}

		int port(String key, int defaultValue) {
			int port = integer(key, defaultValue);
			if (port < 1 || port > 65535) {
				throw new StackException("FLARE_" + key + " must be a port number (1-65535), got " + port);
			}
			return port;
		}

	}

}
