package io.flare.infra.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local Flare platform: real PostgreSQL, Kafka and Pinot, then the services and the
 * demo feed. Starting is idempotent (what is already up and healthy is reused), and so is
 * provisioning.
 */
public final class LocalStack {

	private final StackProperties props;

	private final PrintStream out;

	private final ProcessSupervisor supervisor;

	private final Components components;

	public LocalStack(StackProperties props, PrintStream out) {
		this.props = props;
		this.out = out;
		this.supervisor = new ProcessSupervisor(props, out);
		this.components = new Components(props, this.supervisor);
	}

	public StackProperties properties() {
		return this.props;
	}

	/**
	 * Starts Kafka, Pinot and PostgreSQL if they are not already up, then provisions
	 * topics and tables.
	 */
	public void ensureInfraUp() {
		up(Components.INFRA);
	}

	/**
	 * Starts the named components in platform order, provisioning Kafka and Pinot once
	 * both are up.
	 */
	public void up(Collection<String> names) {
		this.out.println("Flare local stack in " + this.props.home());
		SavedSettings.write(this.props);
		for (String name : Components.all()) {
			if (names.contains(name)) {
				this.supervisor.start(this.components.get(name));
			}
			if ("pinot".equals(name) && names.contains("pinot") && names.contains("kafka")) {
				provision();
				PinotTables tables = new PinotTables(this.props);
				tables.awaitQueryable(Duration.ofMinutes(3));
				this.out.printf("  %-18s tables queryable: %s%n", "pinot", tables.names());
			}
		}
	}

	/** Stops every running component, services first, infrastructure last. */
	public void down() {
		List<String> reverse = new ArrayList<>(Components.all());
		java.util.Collections.reverse(reverse);
		boolean any = false;
		for (String name : reverse) {
			any |= this.supervisor.stop(name, this.components.get(name).stopTimeout());
		}
		this.out.println(any ? "Flare local stack stopped." : "Nothing was running.");
	}

	/**
	 * Stops one component if it runs (its clean stop, then a kill after its stop
	 * timeout).
	 */
	public void stop(String name) {
		this.supervisor.stop(name, this.components.get(name).stopTimeout());
	}

	/** One line per component: running or not, healthy or not, where. */
	public List<ComponentStatus> status() {
		List<ComponentStatus> statuses = new ArrayList<>();
		for (String name : Components.all()) {
			Component component = this.components.get(name);
			Optional<ProcessHandle> process = this.supervisor.running(name);
			String state = process.isEmpty() ? "stopped" : (component.health().healthy() ? "healthy" : "unhealthy");
			statuses.add(new ComponentStatus(name, process.map(ProcessHandle::pid).orElse(null), state,
					component.endpoint(), this.supervisor.logFile(name)));
		}
		return statuses;
	}

	/** Creates topics, schemas and tables from the repository's files (idempotent). */
	public void provision() {
		Path log = this.props.logs().resolve("provisioner.log");
		List<String> command = List.of(Classpaths.java(), "-Xmx256m", "-cp",
				Classpaths.of(this.props.root(), "infra/provisioner"), "io.flare.infra.provisioning.ProvisionerMain",
				"--controller", this.props.pinotControllerUrl(), "--bootstrap", this.props.kafkaBootstrap(), "--root",
				this.props.root().toString());
		this.out.println("  provisioning Kafka topics and Pinot schemas/tables from " + this.props.root());
		try {
			Files.createDirectories(this.props.logs());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			boolean done = process.waitFor(180, TimeUnit.SECONDS);
			String output = LogFiles.tail(log, 60);
			if (!done || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new StackException("Provisioning failed (log " + log + "):" + System.lineSeparator() + output);
			}
			output.lines().forEach((line) -> this.out.println("    " + line));
		}
		catch (IOException ex) {
			throw new StackException("Cannot run the provisioner: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while provisioning", ex);
		}
	}

	/**
	 * The state of one component.
	 *
	 * @param name component name
	 * @param pid its process id, or {@code null} when stopped
	 * @param state {@code healthy}, {@code unhealthy} or {@code stopped}
	 * @param endpoint where it is reached
	 * @param log its log file
	 */
	public record ComponentStatus(String name, Long pid, String state, String endpoint, Path log) {
	}

}
