package io.flare.query.definition;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The compact constructors reject bad values and name the field.
 */
class DefinitionRecordsTests {

	private static final Window WINDOW = new Window("5m", BucketSize.ONE_MINUTE, WindowKind.SLIDING);

	@Test
	void shouldNameTheFieldOfABadName() {
		IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
				() -> new MetricDefinition("Bad Name", null, "events", Measure.count(), null, null, WINDOW, null));
		assertThat(ex).hasMessage(
				"name must be 1-64 lower-case letters, digits or dashes, starting with a letter or digit, was 'Bad Name'");
	}

	@Test
	void shouldRejectPercentileOutOfRange() {
		IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
				() -> new Measure(MeasureType.PERCENTILE, "value", null, 120.0, null, null));
		assertThat(ex).hasMessage("measure.percentile must be in (0, 100], was 120.0");
	}

	@Test
	void shouldRejectKOutOfRangeAndDefaultItToTen() {
		assertThat(assertThrows(IllegalArgumentException.class,
				() -> new Measure(MeasureType.TOP_K, null, null, null, "entityId", 0)))
			.hasMessage("measure.k must be between 1 and 1000, was 0");
		assertThat(new Measure(MeasureType.TOP_K, null, null, null, "entityId", null).k()).isEqualTo(10);
	}

	@Test
	void shouldRejectMalformedWindowSize() {
		assertThat(assertThrows(IllegalArgumentException.class,
				() -> new Window("5 minutes", BucketSize.ONE_MINUTE, WindowKind.SLIDING)))
			.hasMessage("window.size must be a positive whole number followed by s, m or h (e.g. 5m), was '5 minutes'");
		assertThat(assertThrows(IllegalArgumentException.class, () -> BucketSize.of("5m")))
			.hasMessage("window.bucket must be one of 10s, 1m, 1h, was '5m'");
	}

	@Test
	void shouldRequireTheOperandsOfEachOp() {
		assertThat(assertThrows(IllegalArgumentException.class,
				() -> new Filter("type", FilterOp.IN, null, List.of(), null, null)))
			.hasMessage("filter on 'type': values must not be empty for op in");
		assertThat(assertThrows(IllegalArgumentException.class,
				() -> new Filter("type", FilterOp.EQ, null, null, null, null)))
			.hasMessage("filter on 'type': value is required for op eq");
		assertThat(assertThrows(IllegalArgumentException.class,
				() -> new Filter("value", FilterOp.RANGE, null, null, null, null)))
			.hasMessage("filter on 'value': min or max is required for op range");
	}

	@Test
	void shouldCopyCollections() {
		MetricDefinition definition = new MetricDefinition("m", null, "events", Measure.count(), null, null, WINDOW,
				null);
		assertThat(definition.filters()).isEmpty();
		assertThat(definition.parameters()).isEqualTo(Map.of());
	}

}
