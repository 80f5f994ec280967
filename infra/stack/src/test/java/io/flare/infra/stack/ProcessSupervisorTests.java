package io.flare.infra.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessSupervisorTests {

	@TempDir
	Path home;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private ProcessSupervisor supervisor(Map<String, String> env) {
		Map<String, String> all = new java.util.HashMap<>(env);
		all.put("HOME", this.home.toString());
		StackProperties props = StackProperties.from(this.home, all::get);
		return new ProcessSupervisor(props, new PrintStream(this.output, true, StandardCharsets.UTF_8));
	}

	@Test
	void shouldShowTheEndOfTheLogWhenAComponentDiesWhileStarting() {
		Component dying = new Component("demo", "-",
				() -> List.of("sh", "-c", "echo 'fatal: cannot bind'; exit 3", supervisor(Map.of()).marker("demo")),
				() -> false, Duration.ofSeconds(20), Duration.ofSeconds(5));
		assertThatThrownBy(() -> supervisor(Map.of()).start(dying)).isInstanceOf(StackException.class)
			.hasMessageContaining("demo exited with code 3 while starting")
			.hasMessageContaining("fatal: cannot bind");
	}

	@Test
	void shouldSayWhichPortIsTakenInsteadOfStarting() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			ProcessSupervisor supervisor = supervisor(Map.of("INGEST_PORT", Integer.toString(taken.getLocalPort())));
			Component ingest = new Component("ingest", "-", () -> List.of("sleep", "30"), () -> true,
					Duration.ofSeconds(5), Duration.ofSeconds(5));
			assertThatThrownBy(() -> supervisor.start(ingest)).isInstanceOf(StackException.class)
				.hasMessageContaining("port " + taken.getLocalPort() + " (ingest) on 127.0.0.1 is already in use");
		}
	}

	// "; true" keeps sh from exec-ing sleep, which would drop the marker from the command
	// line
	@Test
	void shouldStartWaitForHealthAndStopByPid() {
		ProcessSupervisor supervisor = supervisor(Map.of());
		Component sleeper = new Component("demo", "-",
				() -> List.of("sh", "-c", "sleep 60; true", supervisor(Map.of()).marker("demo")), () -> true,
				Duration.ofSeconds(10), Duration.ofSeconds(10));
		supervisor.start(sleeper);
		long pid = supervisor.running("demo").orElseThrow().pid();
		assertThat(ProcessHandle.of(pid)).hasValueSatisfying((p) -> assertThat(p.isAlive()).isTrue());

		assertThat(supervisor.stop("demo", Duration.ofSeconds(10))).isTrue();
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		assertThat(supervisor.running("demo")).isEmpty();
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("demo", "healthy", "stopping");
	}

	@Test
	void shouldNeverStopAProcessWhosePidWasReusedByAnotherProgram() throws IOException {
		Path pidFile = this.home.resolve("run/demo.pid");
		Files.createDirectories(pidFile.getParent());
		long self = ProcessHandle.current().pid();
		Files.writeString(pidFile, Long.toString(self));
		ProcessSupervisor supervisor = supervisor(Map.of());
		assertThat(supervisor.running("demo")).isEmpty();
		assertThat(supervisor.stop("demo", Duration.ofSeconds(1))).isFalse();
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void shouldGiveUpWithAClearMessageWhenHealthNeverComes() {
		Component neverHealthy = new Component("demo", "-",
				() -> List.of("sh", "-c", "sleep 30; true", supervisor(Map.of()).marker("demo")), new HealthCheck() {
					@Override
					public boolean healthy() {
						return false;
					}

					@Override
					public String describe() {
						return "HTTP [http://127.0.0.1:1/health]";
					}
				}, Duration.ofSeconds(1), Duration.ofSeconds(5));
		ProcessSupervisor supervisor = supervisor(Map.of());
		try {
			assertThatThrownBy(() -> supervisor.start(neverHealthy)).isInstanceOf(StackException.class)
				.hasMessageContaining("demo did not become healthy within 1 s (HTTP [http://127.0.0.1:1/health])");
		}
		finally {
			supervisor.stop("demo", Duration.ofSeconds(5));
		}
	}

}
