package io.flare.benchmarks.support;

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

/**
 * A Flare service under test, started from its jar in a JVM of its own as the platform
 * runs it, on a free port of 127.0.0.1, its output in a log file; stopped on
 * {@link #close()}.
 */
public final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final String name;

	private ServiceProcess(Process process, int port, String name) {
		this.process = process;
		this.port = port;
		this.name = name;
	}

	/**
	 * Starts
	 * {@code java -Xmx<heap> -jar <jar> --server.port=<free> --server.address=127.0.0.1 <arguments>}
	 * and waits until {@code /actuator/health} answers 200.
	 * @param name the service, for messages
	 * @param jar the executable jar
	 * @param heap the maximum heap, e.g. {@code 512m}
	 * @param arguments the service's own arguments
	 * @param log where its output goes
	 * @param timeout how long it may take to become healthy
	 * @return the running service
	 * @throws IllegalStateException when the jar is missing, the process exits or it is
	 * not healthy in time (the process is then stopped)
	 */
	public static ServiceProcess start(String name, Path jar, String heap, List<String> arguments, Path log,
			Duration timeout) throws IOException, InterruptedException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No " + jar + ": build the " + name + " first (benchmarks/run does)");
		}
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
						"-XX:+UseG1GC", "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
		command.addAll(arguments);
		Files.createDirectories(log.toAbsolutePath().getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServiceProcess service = new ServiceProcess(process, port, name);
		try {
			service.awaitHealthy(timeout, log);
		}
		catch (RuntimeException | InterruptedException ex) {
			service.close();
			throw ex;
		}
		return service;
	}

	/**
	 * The service's base URL.
	 * @return e.g. {@code http://127.0.0.1:40123}
	 */
	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	/**
	 * Resident set size in bytes, from /proc (Linux).
	 * @return bytes, or -1 where unknown
	 */
	public long rssBytes() {
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
		HttpRequest health = HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The " + this.name + " exited; see " + log);
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
		throw new IllegalStateException(
				"The " + this.name + " did not become healthy within " + timeout + "; see " + log);
	}

	/** Stops the service (SIGTERM, then SIGKILL after 30 s); safe to call again. */
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
