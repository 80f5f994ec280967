package io.flare.query.definition;

import java.util.List;
import java.util.Map;

import io.flare.query.TestCatalogs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionValidatorTests {

	private static final Window WINDOW = new Window("5m", BucketSize.ONE_MINUTE, WindowKind.SLIDING);

	@Test
	void shouldAcceptAValidDefinition() {
		MetricDefinition definition = new MetricDefinition("ok", null, "events", Measure.of(MeasureType.SUM, "value"),
				List.of(Filter.eq("category", "${category}")), List.of("country"), WINDOW,
				Map.of("category", Parameter.withDefault("sports")));
		assertThat(DefinitionValidator.validate(definition, TestCatalogs.catalog())).isEmpty();
	}

	@Test
	void shouldRejectDefinitionWhenColumnMissingFromSchema() {
		MetricDefinition definition = new MetricDefinition("bad", null, "events", Measure.of(MeasureType.SUM, "valu"),
				List.of(), List.of(), WINDOW, Map.of());
		assertThat(DefinitionValidator.validate(definition, TestCatalogs.catalog()))
			.containsExactly("measure.column: unknown column 'valu' in table events");
	}

	@Test
	void shouldReportEveryProblemAtOnce() {
		MetricDefinition definition = new MetricDefinition("bad", null, "events",
				Measure.of(MeasureType.SUM, "category"),
				List.of(Filter.eq("nosuch", "x"), Filter.range("country", "a", null), Filter.eq("value", "abc"),
						Filter.eq("type", "${missing}"), Filter.eq("type", "pre${x}")),
				List.of("bucket1m", "attributes"), new Window("90s", BucketSize.ONE_MINUTE, WindowKind.TUMBLING),
				Map.of("unused", Parameter.withDefault("1")));
		assertThat(DefinitionValidator.validate(definition, TestCatalogs.catalog())).containsExactly(
				"window.size: 90s is not a multiple of the bucket 1m",
				"measure.column: 'category' is STRING, this measure needs a numeric column",
				"filters[0].column: unknown column 'nosuch' in table events",
				"filters[1].op: range needs a numeric column, 'country' is STRING",
				"filters[2]: 'abc' is not a number (column value)",
				"filters[3]: ${missing} is not declared in parameters",
				"filters[4]: 'pre${x}' is not a parameter reference of the form ${name}",
				"groupBy: 'bucket1m' is a bucket column; the window's bucket groups by time",
				"groupBy: 'attributes' is JSON and cannot be grouped or counted",
				"parameters.unused: declared but no filter refers to ${unused}");
	}

	@Test
	void shouldRejectWindowsOutsideOneMinuteToOneDay() {
		MetricDefinition tooLong = new MetricDefinition("w", null, "events", Measure.count(), List.of(), List.of(),
				new Window("25h", BucketSize.ONE_HOUR, WindowKind.SLIDING), Map.of());
		MetricDefinition tooShort = new MetricDefinition("w", null, "events", Measure.count(), List.of(), List.of(),
				new Window("30s", BucketSize.TEN_SECONDS, WindowKind.SLIDING), Map.of());
		assertThat(DefinitionValidator.validate(tooLong, TestCatalogs.catalog()))
			.containsExactly("window.size: must be between 1m and 24h, was 25h");
		assertThat(DefinitionValidator.validate(tooShort, TestCatalogs.catalog()))
			.containsExactly("window.size: must be between 1m and 24h, was 30s");
	}

	@Test
	void shouldRejectTopKOverTumblingWindowAndWithGroupBy() {
		Measure top = new Measure(MeasureType.TOP_K, null, null, null, "entityId", 5);
		MetricDefinition definition = new MetricDefinition("t", null, "events", top, List.of(), List.of("country"),
				new Window("5m", BucketSize.ONE_MINUTE, WindowKind.TUMBLING), Map.of());
		assertThat(DefinitionValidator.validate(definition, TestCatalogs.catalog())).containsExactly(
				"window.kind: topK needs a sliding window (one ranking over the whole window)",
				"groupBy: topK ranks one dimension and cannot be grouped");
	}

	@Test
	void shouldRejectUnknownTableAndTypeMismatchedDefault() {
		MetricDefinition unknown = new MetricDefinition("u", null, "orders", Measure.count(), List.of(), List.of(),
				WINDOW, Map.of());
		assertThat(DefinitionValidator.validate(unknown, TestCatalogs.catalog()))
			.containsExactly("table: unknown table 'orders'; known: [events]");
		MetricDefinition badDefault = new MetricDefinition("d", null, "events", Measure.count(),
				List.of(Filter.range("value", "${min}", null)), List.of(), WINDOW,
				Map.of("min", Parameter.withDefault("ten")));
		assertThat(DefinitionValidator.validate(badDefault, TestCatalogs.catalog()))
			.containsExactly("parameters.min.default: 'ten' is not a number (column value)");
	}

}
