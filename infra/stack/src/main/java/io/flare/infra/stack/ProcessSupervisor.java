package io.flare.infra.stack;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

	private static final Duration PORT_RELEASE_TIMEOUT = Duration.ofSeconds(90);

	private final StackProperties props;

	private final PrintStream out;

	ProcessSupervisor(StackProperties props, PrintStream out) {
		this.props = props;
		this.out = out;
	}

	/**
	 * The live process of a component: the one its PID file names if that is still this
	 * component's, else any process carrying this component's marker (started before its
	 * PID was recorded, or by an earlier run).
	 */
	Optional<ProcessHandle> running(String name) {
		Path pidFile = pidFile(name);
		Optional<ProcessHandle> recorded = Optional.empty();
		if (Files.exists(pidFile)) {
			try {
				recorded = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
					.filter((h) -> isComponent(h, name));
			}
			catch (IOException | NumberFormatException ex) {
				recorded = Optional.empty();
			}
		}
		Optional<ProcessHandle> found = recorded
			.or(() -> ProcessHandle.allProcesses().filter((h) -> isComponent(h, name)).findFirst());
		try {
			if (found.isPresent()) {
				Files.createDirectories(this.props.run());
				Files.writeString(pidFile, Long.toString(found.get().pid()), StandardCharsets.UTF_8);
			}
			else {
				Files.deleteIfExists(pidFile);
			}
		}
		catch (IOException ex) {
			throw new StackException("Cannot update the PID file " + pidFile + ": " + ex.getMessage(), ex);
		}
		return found;
	}

	/**
	 * Alive, carrying the component's marker, and not the {@code setsid} launcher that
	 * may still precede it.
	 */
	private boolean isComponent(ProcessHandle handle, String name) {
		ProcessHandle.Info info = handle.info();
		return handle.isAlive() && !info.command().map((c) -> c.endsWith("/setsid")).orElse(false)
				&& info.commandLine().map((c) -> c.contains(marker(name))).orElse(false);
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
		}
		catch (IOException ex) {
			throw new StackException("Cannot start " + component.name() + ": " + ex.getMessage(), ex);
		}
		ProcessHandle handle = locate(component.name(), process);
		this.out.printf("  %-18s starting (pid %d, log %s)%n", component.name(), handle.pid(), log);
		awaitHealthy(component, handle, (handle.pid() == process.pid()) ? process : null);
	}

	/**
	 * The component's own process: setsid runs it in place, or forks it when it was
	 * started as a process group leader, in which case the launcher's PID is not the
	 * component's.
	 */
	private ProcessHandle locate(String name, Process launcher) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			Optional<ProcessHandle> found = running(name);
			if (found.isPresent()) {
				return found.get();
			}
			// a forking setsid exits 0 at once, before its child has exec'd the
			// component: keep looking for it
			boolean failed = !launcher.isAlive() && launcher.exitValue() != 0;
			if (failed || System.nanoTime() > deadline) {
				return launcher.toHandle();
			}
			sleep(Duration.ofMillis(50));
		}
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
			if (!bindable(port.getValue(), true)) {
				throw new StackException("Cannot start " + name + ": port " + port.getValue() + " (" + port.getKey()
						+ ") on " + this.props.host() + " is already in use by another process. Stop that process "
						+ "or choose another port (see README, 'Configuration').");
			}
			awaitTimeWaitOver(name, port.getKey(), port.getValue());
		}
	}

	/**
	 * Some servers (Kafka's listeners) bind without SO_REUSEADDR, so a port whose last
	 * connections are still in TIME_WAIT after a restart refuses them for up to a minute:
	 * wait for it rather than fail the start.
	 */
	private void awaitTimeWaitOver(String name, String what, int port) {
		long deadline = System.nanoTime() + PORT_RELEASE_TIMEOUT.toNanos();
		boolean reported = false;
		while (!bindable(port, false)) {
			if (System.nanoTime() > deadline) {
				throw new StackException("Cannot start " + name + ": port " + port + " (" + what + ") on "
						+ this.props.host() + " was not released within " + PORT_RELEASE_TIMEOUT.toSeconds() + " s");
			}
			if (!reported) {
				this.out.printf("  %-18s waiting for port %d (%s) to leave TIME_WAIT...%n", name, port, what);
				reported = true;
			}
			sleep(Duration.ofSeconds(1));
		}
	}

	private boolean bindable(int port, boolean reuseAddress) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(reuseAddress);
			socket.bind(new InetSocketAddress(InetAddress.getByName(this.props.host()), port), 1);
			return true;
		}
		catch (IOException ex) {
			return false;
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

	/**
	 * The JVM argument that tags a component's process, unique per component and home.
	 */
	String marker(String name) {
		return "-Dflare.component=" + name + "@" + this.props.home();
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
