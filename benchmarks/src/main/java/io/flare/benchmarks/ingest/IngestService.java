package io.flare.benchmarks.ingest;

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
import java.util.concurrent.TimeUnit;

import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.infra.stack.StackProperties;

/**
 * The ingest service under test, in its own JVM as the platform runs it, on a free port,
 * publishing to the benchmark's own topic; reports its resident memory.
 */
final class IngestService implements AutoCloseable {

	private final Process process;

	private final int port;

	private IngestService(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static IngestService start(StackProperties stack, String topic, String apiKey, String heap, Path log)
			throws IOException, InterruptedException {
		return start(stack, topic, apiKey, heap, log, List.of());
	}

	/**
	 * Starts the service; {@code extraArguments} are appended to its command line (later
	 * ones win), e.g. {@code --flare.ingest.demo-key.sources=...}.
	 */
	static IngestService start(StackProperties stack, String topic, String apiKey, String heap, Path log,
			List<String> extraArguments) throws IOException, InterruptedException {
		Path jar = stack.root().resolve("ingest/target/flare-ingest.jar");
		if (!Files.isRegularFile(jar)) {
			throw new BenchmarkException("Build the ingest service first: ./mvnw -pl ingest -am package -DskipTests");
		}
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
						"-XX:+UseG1GC", "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
						"--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrap(),
						"--spring.datasource.url=" + stack.jdbcUrl(), "--spring.datasource.username=postgres",
						"--flare.ingest.demo-key.enabled=true", "--flare.ingest.demo-key.value=" + apiKey,
						"--flare.ingest.raw.enabled=false", "--flare.ingest.kafka.topic=" + topic,
						"--flare.ingest.backpressure.rate-per-second=1000000000",
						"--flare.ingest.backpressure.burst=1000000000"));
		command.addAll(extraArguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		IngestService service = new IngestService(process, port);
		service.awaitHealthy(Duration.ofSeconds(120), log);
		return service;
	}

	URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	URI eventsUri() {
		return URI.create("http://127.0.0.1:" + this.port + "/v1/events");
	}

	long pid() {
		return this.process.pid();
	}

	/** Resident set size in bytes, from /proc (Linux); -1 where unknown. */
	long rssBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
		return -1;
	}

	private void awaitHealthy(Duration timeout, Path log) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new BenchmarkException("The ingest service exited; see " + log);
			}
			try {
				if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new BenchmarkException("The ingest service did not become healthy within " + timeout + "; see " + log);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
