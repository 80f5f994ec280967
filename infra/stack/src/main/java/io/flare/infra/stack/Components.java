package io.flare.infra.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The definitions of every process the local platform runs, in start order. */
final class Components {

	/** The infrastructure every test and service needs. */
	static final List<String> INFRA = List.of("postgres", "kafka", "pinot");

	/** Flare's own services. */
	static final List<String> SERVICES = List.of("ingest", "query-service", "dashboard-gateway");

	/** The demo feed. */
	static final String DEMO = "demo";

	/**
	 * Pinot's collector: G1, objects promoted after surviving one young collection. Most
	 * of a young pause was "Scan Heap Roots" (`-Xlog:gc+phases=debug`: 50K-200K cards,
	 * 25-50 ms of 35-80 ms pauses under the query benchmark), old objects pointing at
	 * young ones; the likely writer is the dedup map (every key, old generation), whose
	 * entries for a sealed segment's rows are re-pointed at the new segment object, which
	 * G1 by default keeps young for up to 15 collections. Promoted at once: 12K-25K
	 * cards, pauses p50 19 ms instead of 40 (docs/benchmarks.md, query). The pauses are
	 * logged to pinot-gc.log: they stop queries and consumption alike, so a latency tail
	 * can be told from one. Tried and dropped: a 20 ms pause goal (more pauses, worse
	 * p99); ZGC (JDK 17's is not generational: allocation stalls of 2 s while loading).
	 */
	static final List<String> PINOT_GC = List.of("-XX:+UseG1GC", "-XX:MaxTenuringThreshold=1");

	private final StackProperties props;

	private final ProcessSupervisor supervisor;

	Components(StackProperties props, ProcessSupervisor supervisor) {
		this.props = props;
		this.supervisor = supervisor;
	}

	static List<String> all() {
		List<String> all = new ArrayList<>(INFRA);
		all.addAll(SERVICES);
		all.add(DEMO);
		return all;
	}

	Component get(String name) {
		return switch (name) {
			case "postgres" -> postgres();
			case "kafka" -> kafka();
			case "pinot" -> pinot();
			case "ingest" -> service(name, "flare-ingest", this.props.ingestPort());
			case "query-service" -> service(name, "flare-query-service", this.props.queryPort());
			case "dashboard-gateway" -> service(name, "flare-dashboard-gateway", this.props.gatewayPort());
			case DEMO -> demo();
			default -> throw new StackException("Unknown component '" + name + "'; known: " + all());
		};
	}

	private Component postgres() {
		String name = "postgres";
		HealthCheck tcp = HealthCheck.tcp(this.props.host(), this.props.postgresPort());
		HealthCheck health = () -> tcp.healthy()
				&& LogFiles.contains(this.supervisor.logFile(name), "FLARE-POSTGRES-READY");
		return new Component(name, this.props.jdbcUrl(),
				() -> List.of(Classpaths.java(), "-Xmx128m", this.supervisor.marker(name), "-cp",
						Classpaths.of(this.props.root(), "infra/postgres-runner"),
						"io.flare.infra.postgres.PostgresRunner", "--data-dir=" + this.props.data().resolve("postgres"),
						"--port=" + this.props.postgresPort(), "--database=flare"),
				health, Duration.ofSeconds(90), Duration.ofSeconds(30));
	}

	private Component kafka() {
		String name = "kafka";
		return new Component(name, this.props.kafkaBootstrap(),
				() -> List.of(Classpaths.java(), "-Xmx" + this.props.kafkaHeap(), "-Xms" + this.props.kafkaHeap(),
						"-XX:+UseG1GC", this.supervisor.marker(name),
						"-Dlog4j2.configurationFile=" + KafkaStorage.log4jConfig(this.props), "-cp",
						Classpaths.of(this.props.root(), "infra/kafka-runner"), "kafka.Kafka",
						KafkaStorage.configure(this.props).toString()),
				HealthCheck.tcp(this.props.host(), this.props.kafkaPort()), Duration.ofSeconds(90),
				Duration.ofSeconds(60));
	}

	private Component pinot() {
		String name = "pinot";
		StackProperties p = this.props;
		String host = "http://" + p.host() + ":";
		HealthCheck health = HealthCheck.http(host + p.pinotControllerPort() + "/health",
				host + p.pinotBrokerPort() + "/health", host + p.pinotServerAdminPort() + "/health");
		return new Component(name, "controller " + p.pinotControllerUrl() + ", broker " + p.pinotBrokerUrl(), () -> {
			List<String> command = new ArrayList<>(List.of(Classpaths.java(), "-Xmx" + p.pinotHeap()));
			command.addAll(PINOT_GC);
			command.add("-Xlog:gc:file=" + p.logs().resolve("pinot-gc.log") + ":time,uptime:filecount=3,filesize=10m");
			command.addAll(List.of(this.supervisor.marker(name), "-cp", Classpaths.of(p.root(), "infra/pinot-runner"),
					"io.flare.infra.pinot.PinotRunner", "--data-dir=" + p.data().resolve("pinot"), "--host=" + p.host(),
					"--zk-port=" + p.zkPort(), "--controller-port=" + p.pinotControllerPort(),
					"--broker-port=" + p.pinotBrokerPort(), "--server-port=" + p.pinotServerPort(),
					"--server-admin-port=" + p.pinotServerAdminPort(), "--server-grpc-port=" + p.pinotServerGrpcPort(),
					"--minion-port=" + p.pinotMinionPort()));
			return command;
		}, health, Duration.ofSeconds(180), Duration.ofSeconds(90));
	}

	private Component service(String name, String artifact, int port) {
		String base = "http://" + this.props.host() + ":" + port;
		return new Component(name, base, () -> {
			// ingest is throughput-bound with a small heap: the parallel collector gives
			// it ~6% more events/s than G1 at the same p99 (docs/benchmarks.md, ingest);
			// the others keep G1. The query service reserves its heap from the start: a
			// young generation sized for it keeps collections (pauses in cached answers)
			// rare
			String gc = "ingest".equals(name) ? "-XX:+UseParallelGC" : "-XX:+UseG1GC";
			String initialHeap = "query-service".equals(name) ? "-Xms512m" : "-Xms64m";
			List<String> command = new ArrayList<>(List.of(Classpaths.java(), "-Xmx512m", initialHeap, gc,
					this.supervisor.marker(name), "-jar", Classpaths.jar(this.props.root(), name, artifact).toString(),
					"--server.port=" + port, "--server.address=" + this.props.host(),
					"--spring.kafka.bootstrap-servers=" + this.props.kafkaBootstrap(),
					"--spring.datasource.url=" + this.props.jdbcUrl(), "--spring.datasource.username=postgres",
					"--flare.pinot.controller-url=" + this.props.pinotControllerUrl(),
					"--flare.pinot.broker-url=" + this.props.pinotBrokerUrl(), "--flare.root=" + this.props.root()));
			if ("ingest".equals(name)) {
				command.add("--flare.ingest.demo-key.enabled=true");
				command.add("--flare.ingest.demo-key.value=" + LocalSecret.DEMO_KEY.of(this.props));
				command.add("--flare.ingest.auth.admin-token=" + LocalSecret.INGEST_ADMIN_TOKEN.of(this.props));
			}
			if ("query-service".equals(name)) {
				command.add("--flare.sql.tokens=" + LocalSecret.RAW_EVENTS_TOKEN.of(this.props));
			}
			if ("dashboard-gateway".equals(name)) {
				command.add(
						"--flare.gateway.query-service.url=http://" + this.props.host() + ":" + this.props.queryPort());
				command.add("--flare.gateway.changes.bootstrap-servers=" + this.props.kafkaBootstrap());
				command.add("--flare.gateway.query-service.raw-events-token="
						+ LocalSecret.RAW_EVENTS_TOKEN.of(this.props));
			}
			return command;
		}, HealthCheck.http(base + "/actuator/health"), Duration.ofSeconds(120), Duration.ofSeconds(30));
	}

	/**
	 * The demo feed posts through ingest, as a real source would, with the local demo
	 * key.
	 */
	private Component demo() {
		String url = "http://" + this.props.host() + ":" + this.props.ingestPort() + "/v1/events";
		return new Component(DEMO, this.props.demoRate() + " events/s through " + url,
				() -> List.of(Classpaths.java(), "-Xmx256m", this.supervisor.marker(DEMO), "-jar",
						Classpaths.jar(this.props.root(), "simulator", "flare-simulator").toString(), "--sink", "http",
						"--url", url, "--api-key", LocalSecret.DEMO_KEY.of(this.props), "--rate",
						Integer.toString(this.props.demoRate()), "--forever"),
				() -> true, Duration.ofSeconds(30), Duration.ofSeconds(30));
	}

}
