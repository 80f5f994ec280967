package io.flare.benchmarks.support;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommandLineTests {

	private static final Set<String> VALUED = Set.of("events", "timeout");

	private static final Set<String> FLAGS = Set.of("keep");

	@Test
	void shouldReadValuesInBothFormsAndFlags() {
		CommandLine line = CommandLine.parse(List.of("--events", "5_000_000", "--timeout=90s", "--keep"), VALUED,
				FLAGS);
		assertThat(line.number("events", 1, 1)).isEqualTo(5_000_000);
		assertThat(line.duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
		assertThat(line.flag("keep")).isTrue();
	}

	@Test
	void shouldFallBackToDefaults() {
		CommandLine line = CommandLine.parse(List.of(), VALUED, FLAGS);
		assertThat(line.number("events", 7, 1)).isEqualTo(7);
		assertThat(line.duration("timeout", Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
		assertThat(line.flag("keep")).isFalse();
	}

	@Test
	void shouldNameTheOptionInEveryError() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> CommandLine.parse(List.of("--event", "5"), VALUED, FLAGS))
			.withMessage("Unknown option '--event'");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> CommandLine.parse(List.of("--events"), VALUED, FLAGS))
			.withMessage("Option '--events' needs a value");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> CommandLine.parse(List.of("--events", "lots"), VALUED, FLAGS).number("events", 1, 1))
			.withMessage("--events must be a whole number, was 'lots'");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> CommandLine.parse(List.of("--events", "0"), VALUED, FLAGS).number("events", 1, 1))
			.withMessage("--events must be at least 1, was 0");
		assertThatExceptionOfType(UsageException.class).isThrownBy(
				() -> CommandLine.parse(List.of("--timeout", "soon"), VALUED, FLAGS).duration("timeout", Duration.ZERO))
			.withMessage("--timeout must be a duration such as 30m, 90s or 1h, was 'soon'");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> CommandLine.parse(List.of("stray"), VALUED, FLAGS))
			.withMessage("Unexpected argument 'stray'");
	}

}
