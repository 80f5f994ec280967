package io.flare.query.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flare.query.pinot.MetricQueryExecutor;
import io.flare.query.pinot.QueryResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class WatermarkTrackerTests {

	private static final long NOW = 1_700_000_000_000L;

	private final List<String> queries = new ArrayList<>();

	private final List<List<List<Object>>> answers = new ArrayList<>();

	private final List<Map<String, Set<Long>>> touched = new ArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final WatermarkTracker tracker = new WatermarkTracker(fakePinot(), (topic) -> Mono.just(Map.of(0, 10L)),
			(table) -> Mono.just(Map.of(0, 7L)),
			new WatermarkProperties(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(5),
					Duration.ofSeconds(1), Duration.ofSeconds(5), "events", "events"),
			List.of(this.touched::add), this.meters, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

	@Test
	void shouldDeriveWatermarksAndFinalBucketsFromTheLargestEventTimes() {
		this.answers.add(List.of(List.of("a", (double) (NOW - 1_000), (double) NOW),
				List.of("b", (double) (NOW - 61_000), (double) NOW)));
		this.tracker.scan();
		assertThat(this.tracker.completeness(List.of("a"))).isEqualTo(new Completeness(NOW - 31_000, NOW - 41_000));
		assertThat(this.tracker.completeness(List.of()).watermark()).as("the slowest active source")
			.isEqualTo(NOW - 91_000);
		assertThat(this.tracker.completeness(List.of("unknown")).watermark()).isNull();
		assertThat(this.tracker.lag().recordsBehind()).isEqualTo(3);
	}

	@Test
	void shouldReportBucketsTouchedSinceTheLastScanAndCountLateRows() {
		this.answers.add(List.of(List.of("a", (double) NOW, (double) NOW)));
		this.answers.add(List.of(List.of("a", NOW - 600_000, 2L, (double) (NOW - 599_000), (double) NOW)));
		this.tracker.scan();
		this.tracker.scan();
		assertThat(this.queries.get(1)).contains("WHERE ingestTime >= " + (NOW - 5_000));
		assertThat(this.touched).containsExactly(Map.of("a", Set.of(NOW - 600_000)));
		assertThat(this.meters.get("flare.query.late.rows").counter().count()).isEqualTo(2);
	}

	@Test
	void shouldIgnoreIdleSourcesForMetricsOverEverySource() {
		this.answers.add(List.of(List.of("live", (double) NOW, (double) NOW),
				List.of("idle", (double) (NOW - 3_600_000), (double) (NOW - 3_600_000))));
		this.tracker.scan();
		assertThat(this.tracker.completeness(List.of()).watermark()).isEqualTo(NOW - 30_000);
	}

	private MetricQueryExecutor fakePinot() {
		return new MetricQueryExecutor() {

			@Override
			public Mono<QueryResult> execute(String sql) {
				WatermarkTrackerTests.this.queries.add(sql);
				List<List<Object>> rows = WatermarkTrackerTests.this.answers.remove(0);
				return Mono.just(new QueryResult(List.of(), List.of(), rows, QueryResult.QueryStats.NONE));
			}

			@Override
			public Mono<QueryResult> execute(String sql, Duration timeout) {
				return execute(sql);
			}

		};
	}

}
