package io.flare.infra.stack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a component in its own session (so it outlives the caller and a Ctrl-C in the
 * caller's terminal), records its PID, waits for health, and stops it by that PID only
 * after checking the PID still belongs to it.
 */
final class ProcessSupervisor {

	private static final int LOG_TAIL_LINES = 40;

	private final StackProperties props;

	private final PrintStream out;

	ProcessSupervisor(StackProperties props, PrintStream out) {
		this.props = props;
		this.out = out;
	}

	/**
	 * The live process of a component, if its PID file names one that is still this
	 * component's.
	 */
	Optional<ProcessHandle> running(String name) {
		Path pidFile = pidFile(name);
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			Optional<ProcessHandle> handle = ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter((h) -> h.info().commandLine().map((c) -> c.contains(marker(name))).orElse(false));
			if (handle.isEmpty()) {
				Files.deleteIfExists(pidFile);
			}
			return handle;
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	void start(Component component) {
		Optional<ProcessHandle> existing = running(component.name());
		if (existing.isPresent()) {
			this.out.printf("  %-18s already running (pid %d)%n", component.name(), existing.get().pid());
			awaitHealthy(component, existing.get(), null);
			return;
		}
		checkPortsFree(component.name());
		List<String> command = new ArrayList<>();
		if (new File("/usr/bin/setsid").canExecute()) {
			command.add("/usr/bin/setsid");
		}
		command.addAll(component.launcher().prepare());
		Path log = logFile(component.name());
		LogFiles.rotate(log);
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			Files.createDirectories(this.props.run());
			Files.writeString(pidFile(component.name()), Long.toString(process.pid()), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new StackException("Cannot start " + component.name() + ": " + ex.getMessage(), ex);
		}
		this.out.printf("  %-18s starting (pid %d, log %s)%n", component.name(), process.pid(), log);
		awaitHealthy(component, process.toHandle(), process);
	}

	private void awaitHealthy(Component component, ProcessHandle handle, Process process) {
		long started = System.nanoTime();
		long deadline = started + component.startTimeout().toNanos();
		long nextReport = started + Duration.ofSeconds(15).toNanos();
		while (true) {
			if (!handle.isAlive()) {
				String code = (process != null) ? " with code " + process.exitValue() : "";
				throw failure(component, "exited" + code + " while starting");
			}
			if (component.health().healthy()) {
				this.out.printf("  %-18s healthy after %ds  %s%n", component.name(), elapsedSeconds(started),
						component.endpoint());
				return;
			}
			long now = System.nanoTime();
			if (now > deadline) {
				throw failure(component, "did not become healthy within " + component.startTimeout().toSeconds()
						+ " s (" + component.health().describe() + ")");
			}
			if (now > nextReport) {
				this.out.printf("  %-18s still starting (%ds)...%n", component.name(), elapsedSeconds(started));
				nextReport = now + Duration.ofSeconds(15).toNanos();
			}
			sleep(Duration.ofMillis(500));
		}
	}

	/** Stops a component if it runs: SIGTERM, then a kill after its stop timeout. */
	boolean stop(String name, Duration timeout) {
		Optional<ProcessHandle> handle = running(name);
		if (handle.isEmpty()) {
			return false;
		}
		ProcessHandle process = handle.get();
		this.out.printf("  %-18s stopping (pid %d)%n", name, process.pid());
		process.destroy();
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			this.out.printf("  %-18s did not stop within %ds; killing it%n", name, timeout.toSeconds());
			process.destroyForcibly();
			process.onExit().join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while stopping " + name, ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new StackException("Cannot wait for " + name + " to stop", ex);
		}
		try {
			Files.deleteIfExists(pidFile(name));
		}
		catch (IOException ex) {
			throw new StackException("Cannot remove PID file of " + name, ex);
		}
		return true;
	}

	Path logFile(String name) {
		return this.props.logs().resolve(name + ".log");
	}

	private void checkPortsFree(String name) {
		for (Map.Entry<String, Integer> port : this.props.portsOf(name).entrySet()) {
			try (ServerSocket socket = new ServerSocket(port.getValue(), 1, InetAddress.getByName(this.props.host()))) {
				socket.setReuseAddress(true);
			}
			catch (IOException ex) {
				throw new StackException("Cannot start " + name + ": port " + port.getValue() + " (" + port.getKey()
						+ ") on " + this.props.host() + " is already in use by another process. Stop that process "
						+ "or choose another port (see README, 'Configuration').");
			}
		}
	}

	private StackException failure(Component component, String what) {
		Path log = logFile(component.name());
		return new StackException(component.name() + " " + what + ". Last lines of " + log + ":"
				+ System.lineSeparator() + LogFiles.tail(log, LOG_TAIL_LINES));
	}

	private Path pidFile(String name) {
		return this.props.run().resolve(name + ".pid");
	}

	static String marker(String name) {
		return "-Dflare.component=" + name;
	}

	private static long elapsedSeconds(long startedNanos) {
		return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted", ex);
		}
	}

}
