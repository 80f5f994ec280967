package io.flare.benchmarks.gateway;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.benchmarks.support.Cleanup;
import io.flare.benchmarks.support.PrometheusText;
import io.flare.benchmarks.support.ServiceProcess;
import io.flare.infra.stack.StackProperties;

/**
 * The run's own ingest service, query service and dashboard gateway, started from their
 * jars on free ports against the running stack, each stopped by the run's cleanup; and
 * the few HTTP calls the phases make to them.
 *
 * @param ingest publishes to the stack's {@code events} topic, which Pinot consumes
 * @param query the gateway's query service; nothing else uses it, so its counters are the
 * gateway's alone
 * @param gateway the system under test
 * @param token the dashboard token (the gateway's built-in local one)
 * @param apiKey ingest's key for the run's sources
 * @param pinotBroker the stack's Pinot broker, for checks that bypass the services
 */
record Services(ServiceProcess ingest, ServiceProcess query, ServiceProcess gateway, String token, String apiKey,
		URI pinotBroker) {

	static final String TOKEN = "local-dashboard";

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Starts the three services, registering each one's stop with {@code cleanup}.
	 * @param stack the running stack
	 * @param tag the run's name prefix
	 * @param sources the sources the run posts events for
	 * @param gatewayHeap the gateway's {@code -Xmx}
	 * @param cleanup what the run undoes at the end
	 * @param out progress
	 * @return the running services
	 * @throws IOException when one cannot start
	 * @throws InterruptedException when interrupted
	 */
	static Services start(StackProperties stack, String tag, List<String> sources, String gatewayHeap, Cleanup cleanup,
			PrintStream out) throws IOException, InterruptedException {
		Path root = stack.root();
		Path logs = root.resolve("benchmarks/results");
		// a secret of the run's own: the key (a row in ingest's key table) stays unusable
		// by anyone else
		String apiKey = "flr_" + tag.replace('-', '_') + "_" + UUID.randomUUID().toString().replace("-", "");
		ServiceProcess ingest = ServiceProcess.start("ingest service", root.resolve("ingest/target/flare-ingest.jar"),
				"512m", ServiceProcess.INGEST_JVM_OPTIONS,
				List.of("--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrap(),
						"--spring.datasource.url=" + stack.jdbcUrl(), "--spring.datasource.username=postgres",
						"--flare.ingest.demo-key.enabled=true", "--flare.ingest.demo-key.name=" + tag,
						"--flare.ingest.demo-key.value=" + apiKey,
						"--flare.ingest.demo-key.sources=" + String.join(",", sources),
						"--flare.ingest.raw.enabled=false"),
				logs.resolve(tag + "-ingest.log"), Duration.ofSeconds(180));
		cleanup.add(ingest.toString(), ingest::close);
		out.println("    " + ingest);
		ServiceProcess query = ServiceProcess.start("query service",
				root.resolve("query-service/target/flare-query-service.jar"), "1g",
				ServiceProcess.queryServiceJvmOptions("1g"),
				List.of("--spring.datasource.url=" + stack.jdbcUrl(), "--spring.datasource.username=postgres",
						"--flare.pinot.broker-url=" + stack.pinotBrokerUrl(),
						"--flare.pinot.controller-url=" + stack.pinotControllerUrl(),
						"--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrap(), "--flare.root=" + root,
						"--flare.registry.load-files=false"),
				logs.resolve(tag + "-query-service.log"), Duration.ofSeconds(180));
		cleanup.add(query.toString(), query::close);
		out.println("    " + query);
		ServiceProcess gateway = ServiceProcess.start("dashboard gateway",
				root.resolve("dashboard-gateway/target/flare-dashboard-gateway.jar"), gatewayHeap,
				List.of("--flare.gateway.query-service.url=" + query.url(),
						"--flare.gateway.changes.bootstrap-servers=" + stack.kafkaBootstrap(),
						"--management.endpoints.web.exposure.include=health,info,prometheus,metrics"),
				logs.resolve(tag + "-gateway.log"));
		cleanup.add(gateway.toString(), gateway::close);
		out.println("    " + gateway);
		return new Services(ingest, query, gateway, TOKEN, apiKey, URI.create(stack.pinotBrokerUrl()));
	}

	URI gatewayRsocket() {
		return URI.create("ws://127.0.0.1:" + this.gateway.port() + "/rsocket");
	}

	/**
	 * Defines a metric in the query service's registry.
	 * @param name the metric's name
	 * @param definition its JSON definition
	 * @throws IOException when the query service refuses it
	 */
	void putMetric(String name, String definition) throws IOException {
		HttpResponse<String> response = this.query
			.send(HttpRequest.newBuilder(this.query.url().resolve("/v1/metrics/" + name))
				.header("Content-Type", "application/json")
				.header("X-Flare-Author", "benchmark")
				.PUT(HttpRequest.BodyPublishers.ofString(definition)));
		if (response.statusCode() != 200 && response.statusCode() != 201) {
			throw new BenchmarkException(
					"PUT metric " + name + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	void deleteMetric(String name) {
		try {
			this.query.send(HttpRequest.newBuilder(this.query.url().resolve("/v1/metrics/" + name))
				.header("X-Flare-Author", "benchmark")
				.DELETE());
		}
		catch (IOException ex) {
			throw new BenchmarkException("DELETE metric " + name + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The counters phase 3 compares, read now.
	 * @return name → value
	 * @throws IOException when a service does not answer
	 */
	Map<String, Double> counters() throws IOException {
		String query = this.query.get("/actuator/prometheus");
		String gateway = this.gateway.get("/actuator/prometheus");
		Map<String, Double> counters = new LinkedHashMap<>();
		counters.put("pinotQueries", PrometheusText.sum(query, "flare_query_pinot_queries_seconds_count", Map.of()));
		counters.put("queryServiceResultRequests", PrometheusText.sum(query, "http_server_requests_seconds_count",
				Map.of("uri", "/v1/metrics/{name}/result")));
		counters.put("gatewayEvaluations", PrometheusText.sum(gateway, "flare_gateway_evaluations_total", Map.of()));
		counters.put("gatewayPublished", PrometheusText.sum(gateway, "flare_gateway_published_total", Map.of()));
		counters.put("gatewayQueries", PrometheusText.sum(gateway, "flare_gateway_queries", Map.of()));
		return counters;
	}

	/**
	 * Asks Pinot's broker directly for one number.
	 * @param sql a query whose first row's first column is a number
	 * @return the number, or -1 when Pinot has no row or does not answer
	 */
	double pinotNumber(String sql) {
		try {
			HttpResponse<String> response = this.query
				.send(HttpRequest.newBuilder(this.pinotBroker.resolve("/query/sql"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("sql", sql)))));
			JsonNode cell = JSON.readTree(response.body()).path("resultTable").path("rows").path(0).path(0);
			return cell.isNumber() ? cell.asDouble() : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * The gateway's heap in use ({@code jvm.memory.used}, {@code area:heap}).
	 * @return bytes
	 * @throws IOException when the gateway does not answer
	 */
	long gatewayHeapUsed() throws IOException {
		JsonNode metric = JSON.readTree(this.gateway.get("/actuator/metrics/jvm.memory.used?tag=area:heap"));
		return metric.path("measurements").path(0).path("value").asLong(-1);
	}

	/**
	 * Asks the gateway's JVM for a full GC ({@code jcmd <pid> GC.run}).
	 * @return whether jcmd succeeded
	 * @throws InterruptedException when interrupted
	 */
	boolean gatewayGc() throws InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(this.gateway.pid()), "GC.run")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return false;
			}
			return process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Where each service ran, for the results file. */
	Map<String, Object> asJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("ingest", describe(this.ingest));
		json.put("queryService", describe(this.query));
		json.put("gateway", describe(this.gateway));
		return json;
	}

	private static Map<String, Object> describe(ServiceProcess service) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("url", service.url().toString());
		json.put("pid", service.pid());
		json.put("heap", service.heap());
		json.put("log", service.log().toString());
		return json;
	}

}
