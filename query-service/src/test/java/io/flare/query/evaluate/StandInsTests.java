package io.flare.query.evaluate;

import java.util.List;
import java.util.Map;

import io.flare.query.TestCatalogs;
import io.flare.query.compile.MetricCompiler;
import io.flare.query.compile.QueryPlan;
import io.flare.query.definition.BucketSize;
import io.flare.query.definition.Measure;
import io.flare.query.definition.MeasureType;
import io.flare.query.definition.MetricDefinition;
import io.flare.query.definition.Window;
import io.flare.query.definition.WindowKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandInsTests {

	private static final long MINUTE = 60_000;

	/**
	 * 30 s into the minute starting at 1_699_999_980_000: the window ends a minute later.
	 */
	private static final long NOW = 1_700_000_010_000L;

	private final QueryPlan plan = MetricCompiler.compile(
			new MetricDefinition("m", null, "events", new Measure(MeasureType.COUNT, null, null, null, null, null),
					List.of(), List.of(), new Window("5m", BucketSize.ONE_MINUTE, WindowKind.TUMBLING), Map.of()),
			TestCatalogs.events(), Map.of(), NOW);

	private final long end = this.plan.windowEnd();

	@Test
	void shouldPreferTheSameWindowFromBeforeItsOldestBucketsTurnedFinal() {
		long from = this.end - 2 * MINUTE;
		List<String> standIns = MetricEvaluator.standIns(this.plan, from);
		assertThat(standIns).startsWith(this.plan.sql(from - MINUTE, this.end),
				this.plan.sql(from - 2 * MINUTE, this.end), this.plan.sql(from - 3 * MINUTE, this.end));
		assertThat(standIns.subList(3, standIns.size())).as("then the window a bucket earlier")
			.containsExactly(this.plan.sql(from, this.end - MINUTE), this.plan.sql(from - MINUTE, this.end - MINUTE),
					this.plan.sql(from - 2 * MINUTE, this.end - MINUTE),
					this.plan.sql(from - 3 * MINUTE, this.end - MINUTE));
	}

	@Test
	void shouldReachBackNoFurtherThanThePreviousWindowsStart() {
		long start = this.plan.windowStart();
		assertThat(MetricEvaluator.standIns(this.plan, start)).containsExactly(this.plan.sql(start - MINUTE, this.end),
				this.plan.sql(start, this.end - MINUTE), this.plan.sql(start - MINUTE, this.end - MINUTE));
		assertThat(this.plan.previousWindow().sql()).isEqualTo(this.plan.sql(start - MINUTE, this.end - MINUTE));
	}

	@Test
	void shouldHaveNoneThatEndsAtOrBeforeItsFirstBucket() {
		long newest = this.end - MINUTE;
		assertThat(MetricEvaluator.standIns(this.plan, newest)).containsExactly(
				this.plan.sql(newest - MINUTE, this.end), this.plan.sql(newest - 2 * MINUTE, this.end),
				this.plan.sql(newest - 3 * MINUTE, this.end), this.plan.sql(newest - MINUTE, this.end - MINUTE),
				this.plan.sql(newest - 2 * MINUTE, this.end - MINUTE),
				this.plan.sql(newest - 3 * MINUTE, this.end - MINUTE));
	}

}
