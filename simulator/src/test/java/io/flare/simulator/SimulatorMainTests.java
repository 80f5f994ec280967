package io.flare.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorMainTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void shouldPrintUsageForHelp() {
		assertThat(run("--help")).isEqualTo(SimulatorMain.EXIT_OK);
		assertThat(stdout()).startsWith("Usage: java -jar flare-simulator.jar").contains("--duplicate-fraction");
		assertThat(stderr()).isEmpty();
	}

	@Test
	void shouldExplainABadArgumentWithoutAStackTrace() {
		assertThat(run("--count", "10", "--rate", "fast")).isEqualTo(SimulatorMain.EXIT_USAGE);
		assertThat(stderr()).isEqualTo(
				String.format("error: --rate: expected a number, got 'fast'%n" + "Run with --help for usage.%n"));
		assertThat(stdout()).isEmpty();
	}

	@Test
	void shouldRunToTheCountAndSummarise() {
		assertThat(run("--sink", "discard", "--count", "20000", "--rate", "0", "--seed", "5"))
			.isEqualTo(SimulatorMain.EXIT_OK);
		assertThat(stderr()).contains("sink=discard rate=unlimited count=20000 seed=5")
			.contains("sent=20000 acked=20000 failed=0");
	}

	@Test
	void shouldFailCleanlyWhenTheKafkaSinkCannotStart() {
		assertThat(run("--bootstrap", "no-port-here", "--count", "1")).isEqualTo(SimulatorMain.EXIT_FAILED);
		assertThat(stderr()).contains("error: cannot create a Kafka producer for 'no-port-here'")
			.doesNotContain("\tat ");
	}

	private int run(String... args) {
		return SimulatorMain.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String stdout() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String stderr() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
