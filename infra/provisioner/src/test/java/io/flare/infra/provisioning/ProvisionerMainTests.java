package io.flare.infra.provisioning;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisionerMainTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void shouldParseEveryOption() {
		ProvisionerProperties properties = ProvisionerMain.parse(new String[] { "--controller",
				"http://pinot-controller:9000/", "--bootstrap", "kafka:9092", "--root", "/repo", "--partitions", "16",
				"--replication", "3", "--timeout-seconds", "5", "--consumer-factory", "x.Factory" });
		assertThat(properties.controller()).hasToString("http://pinot-controller:9000");
		assertThat(properties.bootstrap()).isEqualTo("kafka:9092");
		assertThat(properties.root()).isEqualTo(Path.of("/repo"));
		assertThat(properties.partitions()).isEqualTo(16);
		assertThat(properties.replication()).isEqualTo((short) 3);
		assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.consumerFactoryClass()).isEqualTo("x.Factory");
	}

	@Test
	void shouldDefaultToTheLocalStack() {
		ProvisionerProperties properties = ProvisionerMain.parse(new String[] { "--root", "." });
		assertThat(properties).isEqualTo(ProvisionerProperties.local(Path.of(".")));
	}

	@Test
	void shouldExplainBadArguments() {
		assertThat(run("--root", ".", "--partitions", "many")).isEqualTo(ProvisionerMain.USAGE);
		assertThat(text(this.err)).contains("--partitions must be a whole number, got 'many'", "usage:");
	}

	@Test
	void shouldRejectUnknownOptions() {
		assertThat(run("--root", ".", "--zookeeper", "x")).isEqualTo(ProvisionerMain.USAGE);
		assertThat(text(this.err)).contains("unknown option '--zookeeper'");
	}

	@Test
	void shouldRequireRoot() {
		assertThat(run()).isEqualTo(ProvisionerMain.USAGE);
		assertThat(text(this.err)).contains("--root is required");
	}

	@Test
	void shouldFailClearlyOnBrokenFilesBeforeContactingAnything(@TempDir Path root) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		int code = run("--root", root.toString(), "--bootstrap", "127.0.0.1:" + closedPort, "--controller",
				"http://127.0.0.1:" + closedPort, "--timeout-seconds", "2");
		assertThat(code).isEqualTo(ProvisionerMain.FAILED);
		assertThat(text(this.err)).contains("Provisioning failed", "schemas/: no such directory");
	}

	private int run(String... args) {
		return ProvisionerMain.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}
