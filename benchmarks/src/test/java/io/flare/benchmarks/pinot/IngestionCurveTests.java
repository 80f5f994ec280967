package io.flare.benchmarks.pinot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IngestionCurveTests {

	@Test
	void shouldInterpolateBetweenPolls() {
		IngestionCurve curve = new IngestionCurve();
		curve.add(1_000, 0);
		curve.add(2_000, 1_000);
		curve.add(3_000, 3_000);
		assertThat(curve.millisToReach(500)).isEqualTo(1_500);
		assertThat(curve.millisToReach(2_000)).isEqualTo(2_500);
		assertThat(curve.millisToReach(3_000)).isEqualTo(3_000);
		assertThat(curve.millisToReach(3_001)).isEqualTo(-1);
	}

	@Test
	void shouldReportTheFirstPollThatSawRows() {
		IngestionCurve curve = new IngestionCurve();
		assertThat(curve.firstRowMillis()).isEqualTo(-1);
		curve.add(1_000, 0);
		curve.add(2_000, 0);
		curve.add(3_000, 10);
		assertThat(curve.firstRowMillis()).isEqualTo(3_000);
	}

	@Test
	void shouldMeasureTheSteadyRateBetweenTenAndNinetyPercent() {
		IngestionCurve curve = new IngestionCurve();
		// a slow start (10 s to the first row), then 1,000 rows/s until 10,000 rows
		curve.add(10_000, 0);
		for (int second = 1; second <= 10; second++) {
			curve.add(10_000 + second * 1_000L, second * 1_000L);
		}
		assertThat(curve.steadyRowsPerSecond(10_000)).isCloseTo(1_000, within(0.001));
	}

	@Test
	void shouldReportNoSteadyRateBeforeNinetyPercent() {
		IngestionCurve curve = new IngestionCurve();
		curve.add(1_000, 500);
		assertThat(curve.steadyRowsPerSecond(10_000)).isZero();
	}

	@Test
	void shouldNeverLetTheCountGoDown() {
		IngestionCurve curve = new IngestionCurve();
		curve.add(1_000, 100);
		curve.add(2_000, 0);
		assertThat(curve.millisToReach(100)).isEqualTo(1_000);
	}

}
