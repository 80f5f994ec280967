package io.flare.query.pinot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer-time history hedging reads its delays from. */
class ShapeLatenciesTests {

	private final ShapeLatencies latencies = new ShapeLatencies();

	@Test
	void shouldTreatQueriesThatDifferOnlyInTheirNumbersAsOneShape() {
		String shape = ShapeLatencies.shapeOf("SET x = 1; SELECT bucket10s, COUNT(*) FROM events WHERE bucket10s >= "
				+ "1795986480000 AND value > 2.5 AND entityId = 'show-000826' LIMIT 100000");
		assertThat(shape).isEqualTo("SET x = ?; SELECT bucket10s, COUNT(*) FROM events WHERE bucket10s >= ? AND "
				+ "value > ? AND entityId = 'show-?' LIMIT ?");
		assertThat(ShapeLatencies.shapeOf("SELECT * FROM events WHERE category = 'news'"))
			.isNotEqualTo(ShapeLatencies.shapeOf("SELECT * FROM events WHERE category = 'sports'"));
	}

	@Test
	void shouldKnowNoQuantileBeforeEnoughAnswers() {
		for (int i = 1; i < ShapeLatencies.MIN_SAMPLES; i++) {
			this.latencies.record("q", i);
		}
		assertThat(this.latencies.quantileNanos("q", 0.95)).isEqualTo(-1);
		assertThat(this.latencies.quantileNanos("never seen", 0.95)).isEqualTo(-1);
		this.latencies.record("q", ShapeLatencies.MIN_SAMPLES);
		assertThat(this.latencies.quantileNanos("q", 0.95)).isEqualTo(19);
	}

	@Test
	void shouldReadTheQuantileOfTheMostRecentAnswersOnly() {
		for (int i = 1; i <= 100; i++) {
			this.latencies.record("q", i);
		}
		assertThat(this.latencies.quantileNanos("q", 0.95)).isEqualTo(95);
		assertThat(this.latencies.quantileNanos("q", 0.5)).isEqualTo(50);
		for (int i = 0; i < ShapeLatencies.HISTORY; i++) {
			this.latencies.record("q", 1_000);
		}
		assertThat(this.latencies.quantileNanos("q", 0.5)).isEqualTo(1_000);
	}

}
