package io.flare.benchmarks.pinot;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchQueryTests {

	private static final long T = Instant.parse("2026-11-29T06:00:00Z").toEpochMilli();

	@Test
	void shouldFloorTheAnchorToTheMinute() {
		assertThat(BenchQuery.anchor(T + 59_999)).isEqualTo(T);
		assertThat(BenchQuery.anchor(T)).isEqualTo(T);
		assertThat(BenchQuery.anchor(T - 1)).isEqualTo(T - 60_000);
	}

	@Test
	void shouldAnchorTopEntitiesFiveMinutesBeforeT() {
		assertThat(BenchQuery.TOP_ENTITIES.sql("bench_star_x", T))
			.isEqualTo("SELECT entityId, COUNT(*) AS n FROM bench_star_x WHERE category = 'sports' AND bucket1m >= "
					+ (T - 300_000) + " GROUP BY entityId ORDER BY n DESC, entityId LIMIT 10");
	}

	@Test
	void shouldAnchorCountsPerTenSecondsOneHourBeforeT() {
		assertThat(BenchQuery.COUNTS_PER_10S.sql("t", T))
			.isEqualTo("SELECT bucket10s, COUNT(*) FROM t WHERE bucket10s >= " + (T - 3_600_000)
					+ " GROUP BY bucket10s ORDER BY bucket10s LIMIT 1000");
	}

	@Test
	void shouldAnchorDistinctEntitiesPerCountryOneHourBeforeT() {
		assertThat(BenchQuery.DISTINCT_PER_COUNTRY.sql("t", T))
			.isEqualTo("SELECT country, DISTINCTCOUNTHLL(entityId) FROM t WHERE bucket1m >= " + (T - 3_600_000)
					+ " GROUP BY country LIMIT 300");
	}

	@Test
	void shouldAnchorSumPerCategoryFiveMinutesBeforeT() {
		assertThat(BenchQuery.SUM_PER_CATEGORY.sql("t", T))
			.isEqualTo("SELECT category, SUM(value) FROM t WHERE bucket1m >= " + (T - 300_000)
					+ " GROUP BY category LIMIT 100");
	}

	@Test
	void shouldWriteAnchorsAsPlainEpochMillis() {
		assertThat(BenchQuery.SUM_PER_CATEGORY.sql("t", T)).contains(">= 1795931700000 ");
	}

}
