package io.flare.gateway.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.ChildProcesses;

import static org.awaitility.Awaitility.await;

/**
 * A real query service, started from its jar as a child process on a free port, against
 * the local stack; {@link #close()} stops only that process.
 */
final class QueryServiceProcess implements AutoCloseable {

	private final Process process;

	private final URI url;

	private final Path log;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private QueryServiceProcess(Process process, URI url, Path log) {
		this.process = process;
		this.url = url;
		this.log = log;
	}

	/** Starts the service; {@code arguments} are added to its command line. */
	static QueryServiceProcess start(StackProperties stack, String... arguments) throws IOException {
		Path jar = stack.root().resolve("query-service/target/flare-query-service.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					jar + " is missing: build it with " + "./mvnw -q -Pfast -DskipTests package -pl query-service -am");
		}
		int port = freePort();
		Path log = stack.root().resolve("dashboard-gateway/target/query-service-it.log");
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString(),
				"--server.port=" + port, "--server.address=127.0.0.1", "--spring.datasource.url=" + stack.jdbcUrl(),
				"--spring.datasource.username=postgres", "--flare.pinot.broker-url=" + stack.pinotBrokerUrl(),
				"--flare.pinot.controller-url=" + stack.pinotControllerUrl(),
				"--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrap(), "--flare.root=" + stack.root(),
				"--flare.registry.load-files=false"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		QueryServiceProcess started = new QueryServiceProcess(process, URI.create("http://127.0.0.1:" + port), log);
		try {
			await("the query service is up (log: " + log + ")").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(500))
				.failFast("the query service exited (log: " + log + ")", () -> !process.isAlive())
				.until(() -> started.status("/actuator/health") == 200);
		}
		catch (RuntimeException ex) {
			started.close();
			throw ex;
		}
		return started;
	}

	URI url() {
		return this.url;
	}

	int status(String path) {
		try {
			return send(HttpRequest.newBuilder(this.url.resolve(path)).GET()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	HttpResponse<String> put(String path, String json) throws IOException {
		return send(HttpRequest.newBuilder(this.url.resolve(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	String get(String path) throws IOException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.url.resolve(path)).GET());
		if (response.statusCode() != 200) {
			throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	void delete(String path) throws IOException {
		send(HttpRequest.newBuilder(this.url.resolve(path)).DELETE());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		ChildProcesses.stop(this.process);
	}

	@Override
	public String toString() {
		return "query service at " + this.url + " (log: " + this.log + ")";
	}

}
