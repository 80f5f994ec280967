package io.flare.benchmarks.query;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ExampleMetricsTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void shouldReadTheFiveExamplesOfTheRepositoryOnTheEventsTable() {
		Map<String, String> yaml = ExampleMetrics.read(ROOT);
		assertThat(yaml).containsOnlyKeys(ExampleMetrics.NAMES);
		yaml.values().forEach((definition) -> assertThat(definition).containsPattern("(?m)^table: events$"));
	}

	@Test
	void shouldChangeOnlyTheTableLine() {
		String yaml = "# on table: events\ndescription: x\ntable: events\nmeasure:\n  type: count\n"
				+ "filters:\n  - column: category\n    value: events\n";
		assertThat(ExampleMetrics.onTable(yaml, "bench_qplain_1"))
			.isEqualTo(yaml.replace("\ntable: events\n", "\ntable: bench_qplain_1\n"));
	}

	@Test
	void shouldRefuseADefinitionOnAnotherTable() {
		assertThatIllegalArgumentException().isThrownBy(() -> ExampleMetrics.onTable("table: clicks\n", "t"))
			.withMessage("The definition has no top-level 'table: events' line");
	}

	@Test
	void shouldNameEveryVariantWithinTheServicesNameRules() {
		for (String example : ExampleMetrics.NAMES) {
			assertThat(ExampleMetrics.plainName("20261129t061502", example)).matches("[a-z0-9][a-z0-9-]{0,63}")
				.startsWith(ExampleMetrics.starName("20261129t061502", example));
		}
	}

}
