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

import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.infra.testing.ChildProcesses;

/**
 * One Flare service under test, started from its jar in its own JVM on a free port of
 * 127.0.0.1 (never the platform's default ports), its output in a log file; reports its
 * resident memory. Shared by the benchmarks that start services (ingest, query, gateway).
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

	/** Ingest's JVM options as the platform runs it (infra/stack Components). */
	public static final List<String> INGEST_JVM_OPTIONS = List.of("-XX:+UseParallelGC");

	/**
	 * The query service's JVM options as the platform runs it (infra/stack Components):
	 * its whole heap reserved from the start.
	 * @param heap its {@code -Xmx}
	 * @return the options
	 */
	public static List<String> queryServiceJvmOptions(String heap) {
		return List.of("-Xms" + heap, "-XX:+UseG1GC");
	}

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private final String heap;

	private ServiceProcess(String name, Process process, int port, Path log, String heap) {
		this.name = name;
		this.heap = heap;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the jar and waits until {@code /actuator/health} answers 200.
	 * @param name the service, for messages
	 * @param jar its executable jar
	 * @param heap the {@code -Xmx} value
	 * @param args the application's arguments (the port is added)
	 * @param log where its output goes
	 * @return the running service
	 * @throws IOException when it cannot be started
	 * @throws InterruptedException when interrupted while waiting
	 */
	public static ServiceProcess start(String name, Path jar, String heap, List<String> args, Path log)
			throws IOException, InterruptedException {
		return start(name, jar, heap, List.of("-XX:+UseG1GC"), args, log, DEFAULT_START_TIMEOUT);
	}

	/**
	 * Starts the jar and waits until {@code /actuator/health} answers 200.
	 * @param name the service, for messages
	 * @param jar its executable jar
	 * @param heap the {@code -Xmx} value
	 * @param args the application's arguments (the port is added)
	 * @param log where its output goes
	 * @param timeout how long it may take to become healthy
	 * @return the running service
	 * @throws IOException when it cannot be started
	 * @throws InterruptedException when interrupted while waiting
	 * @throws BenchmarkException when the jar is missing, or the service exits or is not
	 * healthy in time (it is stopped then)
	 */
	public static ServiceProcess start(String name, Path jar, String heap, List<String> args, Path log,
			Duration timeout) throws IOException, InterruptedException {
		return start(name, jar, heap, List.of("-XX:+UseG1GC"), args, log, timeout);
	}

	/**
	 * As {@link #start(String, Path, String, List, Path, Duration)} with other JVM
	 * options than the default collector (G1).
	 * @param name the service, for messages
	 * @param jar its executable jar
	 * @param heap the {@code -Xmx} value
	 * @param jvmOptions the JVM's other options, as the platform runs the service
	 * @param args the application's arguments (the port is added)
	 * @param log where its output goes
	 * @param timeout how long it may take to become healthy
	 * @return the running service
	 * @throws IOException when it cannot be started
	 * @throws InterruptedException when interrupted while waiting
	 */
	public static ServiceProcess start(String name, Path jar, String heap, List<String> jvmOptions, List<String> args,
			Path log, Duration timeout) throws IOException, InterruptedException {
		if (!Files.isRegularFile(jar)) {
			throw new BenchmarkException(jar + " is missing; benchmarks/run builds it");
		}
		int port = freePort();
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			// a session of its own: a Ctrl-C in the terminal reaches the benchmark, which
			// stops
			// the service after it removed what it defined there, not the service
			// directly
			command.add(SETSID.toString());
		}
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
		command.addAll(args);
		Files.createDirectories(log.toAbsolutePath().getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServiceProcess service = new ServiceProcess(name, process, port, log, heap);
		try {
			service.awaitHealthy(timeout);
		}
		catch (RuntimeException | InterruptedException ex) {
			service.close();
			throw ex;
		}
		return service;
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public String heap() {
		return this.heap;
	}

	public Path log() {
		return this.log;
	}

	/** Resident set size in bytes, from /proc (Linux); -1 where unknown. */
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

	/**
	 * GETs a path of the service.
	 * @param path e.g. {@code /actuator/prometheus}
	 * @return the body
	 * @throws IOException on a failure or a status other than 200
	 */
	public String get(String path) throws IOException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(url().resolve(path)).GET());
		if (response.statusCode() != 200) {
			throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	private void awaitHealthy(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new BenchmarkException("The " + this.name + " exited; see " + this.log);
			}
			try {
				if (send(HttpRequest.newBuilder(url().resolve("/actuator/health")).GET()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new BenchmarkException(
				"The " + this.name + " did not become healthy within " + timeout + "; see " + this.log);
	}

	/**
	 * Asks the JVM to print every thread's stack into its log (SIGQUIT), to see what a
	 * stalled service was doing; does nothing once the process has ended.
	 */
	public void dumpThreads() {
		if (!this.process.isAlive()) {
			return;
		}
		try {
			new ProcessBuilder("kill", "-QUIT", Long.toString(this.process.pid())).inheritIO()
				.start()
				.waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// no kill command: no dump
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the process (SIGTERM, then SIGKILL after 30 s); safe to call again. */
	@Override
	public void close() {
		ChildProcesses.stop(this.process);
	}

	@Override
	public String toString() {
		return this.name + " (pid " + this.process.pid() + ", port " + this.port + ", log " + this.log + ")";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
