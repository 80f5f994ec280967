package io.flare.simulator.cli;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.flare.simulator.run.RunLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OptionsParserTests {

	@Test
	void shouldReadEveryOptionInBothForms() {
		SimulatorOptions options = OptionsParser.parse("--sink=http", "--url", "http://127.0.0.1:9999/v1/events",
				"--api-key", "k1", "--rate=2500", "--count", "10_000", "--duration", "90s", "--seed", "-7", "--batch",
				"200", "--entities", "400", "--zipf", "0.9", "--late-fraction", "0.1", "--max-lateness", "30s",
				"--out-of-order-fraction", "0.2", "--duplicate-fraction=0.05", "--bootstrap", "h:1", "--topic", "t");
		assertThat(options.sink()).isEqualTo(SinkKind.HTTP);
		assertThat(options.url()).isEqualTo(URI.create("http://127.0.0.1:9999/v1/events"));
		assertThat(options.apiKey()).isEqualTo("k1");
		assertThat(options.eventsPerSecond()).isEqualTo(2500);
		assertThat(options.limits()).isEqualTo(new RunLimits(10_000L, Duration.ofSeconds(90), false));
		assertThat(options.batchSize()).isEqualTo(200);
		assertThat(options.bootstrapServers()).isEqualTo("h:1");
		assertThat(options.topic()).isEqualTo("t");
		assertThat(options.generator().seed()).isEqualTo(-7);
		assertThat(options.generator().entityCount()).isEqualTo(400);
		assertThat(options.generator().zipfExponent()).isEqualTo(0.9);
		assertThat(options.generator().lateFraction()).isEqualTo(0.1);
		assertThat(options.generator().maxLateness()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.generator().outOfOrderFraction()).isEqualTo(0.2);
		assertThat(options.generator().duplicateFraction()).isEqualTo(0.05);
	}

	@Test
	void shouldUseTheLocalDefaults() {
		SimulatorOptions options = OptionsParser.parse(new String[] { "--forever" }, () -> 123);
		assertThat(options.sink()).isEqualTo(SinkKind.KAFKA);
		assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
		assertThat(options.topic()).isEqualTo("events");
		assertThat(options.url()).isEqualTo(URI.create("http://127.0.0.1:8081/v1/events"));
		assertThat(options.apiKey()).isNull();
		assertThat(options.batchSize()).isEqualTo(500);
		assertThat(options.limits().forever()).isTrue();
		assertThat(options.generator().seed()).isEqualTo(123);
	}

	@Test
	void shouldAcceptHelpWithoutABound() {
		assertThat(OptionsParser.parse("--help").help()).isTrue();
		assertThat(OptionsParser.parse("--rate", "5", "-h").help()).isTrue();
	}

	@Test
	void shouldRequireSayingWhenToStop() {
		assertUsageError("say when to stop: --count N, --duration D (e.g. 60s), or --forever", "--rate", "10");
	}

	@Test
	void shouldRejectForeverTogetherWithABound() {
		assertUsageError("--forever cannot be combined with --count or --duration", "--forever", "--count", "5");
	}

	@Test
	void shouldNameTheOptionWhoseValueIsWrong() {
		assertUsageError("--rate: expected a number, got 'fast'", "--count", "1", "--rate", "fast");
		assertUsageError("--count: expected a whole number, got '1e6'", "--count", "1e6");
		assertUsageError("--count: must be between 1 and 9223372036854775807, got 0", "--count", "0");
		assertUsageError("--late-fraction: must be between 0 and 1, got '1.5'", "--count", "1", "--late-fraction",
				"1.5");
		assertUsageError("--duplicate-fraction: must be between 0 and 0.3, got '0.5'", "--count", "1",
				"--duplicate-fraction", "0.5");
		assertUsageError("--sink: expected kafka, http or discard, got 'file'", "--count", "1", "--sink", "file");
		assertUsageError("--duration: expected a duration such as 500ms, 90s, 5m, 1h or PT2M, got 'soon'", "--duration",
				"soon");
		assertUsageError("--max-lateness: must be positive and at most 1d, got '2d'", "--count", "1", "--max-lateness",
				"2d");
		assertUsageError("--url: expected an http(s) URL such as http://127.0.0.1:8081/v1/events, got 'ftp://x/y'",
				"--count", "1", "--url", "ftp://x/y");
	}

	@Test
	void shouldRejectUnknownOptionsMissingValuesAndStrayArguments() {
		assertUsageError("unknown option '--speed'", "--speed", "3");
		assertUsageError("--count: missing value", "--count");
		assertUsageError("--count: missing value", "--count", "--forever");
		assertUsageError("unexpected argument 'kafka'", "kafka", "--count", "1");
		assertUsageError("--forever takes no value", "--forever=yes");
	}

	@Test
	void shouldReadHumanDurations() {
		assertThat(Durations.parse("--duration", "250ms")).isEqualTo(Duration.ofMillis(250));
		assertThat(Durations.parse("--duration", "5m")).isEqualTo(Duration.ofMinutes(5));
		assertThat(Durations.parse("--duration", "2h")).isEqualTo(Duration.ofHours(2));
		assertThat(Durations.parse("--duration", "PT1M30S")).isEqualTo(Duration.ofSeconds(90));
	}

	private static void assertUsageError(String message, String... args) {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> OptionsParser.parse(args))
			.withMessage(message);
	}

}
