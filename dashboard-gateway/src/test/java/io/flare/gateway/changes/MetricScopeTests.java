package io.flare.gateway.changes;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MetricScopeTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNode DEFINITION = JSON.readTree("""
			{"table": "events", "measure": {"type": "rate", "per": "minute"},
			 "filters": [{"column": "category", "op": "eq", "value": "news"},
			             {"column": "country", "op": "in", "values": ["${country}", "FR"]},
			             {"column": "value", "op": "range", "min": "10", "max": "100"}],
			 "window": {"size": "10m", "bucket": "10s", "kind": "tumbling"},
			 "parameters": {"country": {"default": "US"}}}
			""");

	/** 12:00:05 on some day: the live bucket starts at 12:00:00. */
	private static final long NOW = 1_700_000_005_000L;

	@Test
	void shouldBeAffectedByAnEventPassingEveryFilterInsideTheWindow() {
		MetricScope scope = MetricScope.of(DEFINITION, Map.of("country", "DE"));

		assertThat(scope.affectedBy(event(NOW, "news", "DE", "10"), NOW)).isTrue();
		assertThat(scope.affectedBy(event(NOW, "news", "FR", "99.5"), NOW)).isTrue();
	}

	@Test
	void shouldNotBeAffectedByAnEventFailingAFilter() {
		MetricScope scope = MetricScope.of(DEFINITION, Map.of("country", "DE"));

		assertThat(scope.affectedBy(event(NOW, "sports", "DE", "50"), NOW)).isFalse();
		assertThat(scope.affectedBy(event(NOW, "news", "US", "50"), NOW)).isFalse();
		assertThat(scope.affectedBy(event(NOW, "news", "DE", "100"), NOW)).isFalse();
		assertThat(scope.affectedBy(event(NOW, "news", "DE", "9.99"), NOW)).isFalse();
		assertThat(scope.affectedBy(new ObservedEvent(NOW, Map.of("category", "news", "country", "DE")), NOW))
			.isFalse();
	}

	@Test
	void shouldUseTheParameterDefaultWhenTheSubscriptionLeavesItOut() {
		MetricScope scope = MetricScope.of(DEFINITION, Map.of());

		assertThat(scope.affectedBy(event(NOW, "news", "US", "50"), NOW)).isTrue();
		assertThat(scope.affectedBy(event(NOW, "news", "DE", "50"), NOW)).isFalse();
	}

	@Test
	void shouldBeAffectedOnlyByEventsWhoseBucketIsInsideTheWindow() {
		MetricScope scope = MetricScope.of(DEFINITION, Map.of());
		long windowStart = 1_700_000_000_000L + 10_000 - Duration.ofMinutes(10).toMillis();

		assertThat(scope.affectedBy(event(windowStart, "news", "US", "50"), NOW)).isTrue();
		assertThat(scope.affectedBy(event(windowStart - 1, "news", "US", "50"), NOW)).isFalse();
		// late but inside the window: a correction of a final bucket
		assertThat(scope.affectedBy(event(NOW - Duration.ofMinutes(5).toMillis(), "news", "US", "50"), NOW)).isTrue();
	}

	@Test
	void shouldAlignBucketsOnTheBucketLength() {
		MetricScope scope = MetricScope.of(DEFINITION, Map.of());

		assertThat(scope.bucketStart(NOW)).isEqualTo(1_700_000_000_000L);
		assertThat(scope.bucket()).isEqualTo(Duration.ofSeconds(10));
		assertThat(scope.windowSize()).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void shouldRejectAWindowItCannotRead() {
		JsonNode definition = JSON.readTree("{\"window\": {\"size\": \"five\", \"bucket\": \"1m\"}}");

		IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
				() -> MetricScope.of(definition, Map.of()));

		assertThat(ex).hasMessage("window: 'five' is not a duration such as 10s, 5m or 1h");
	}

	@Test
	void shouldReadTheColumnsOfAnEventFromTheTopic() {
		ObservedEvent event = ObservedEvent.from(JSON.readTree("""
				{"eventId": "e1", "category": "news", "eventTime": 1700000000000, "value": 12.5,
				 "location": {"country": "DE"}, "attributes": {"x": "y"}}
				"""));

		assertThat(event).isNotNull();
		assertThat(event.eventTime()).isEqualTo(1_700_000_000_000L);
		assertThat(event.columns()).containsEntry("category", "news")
			.containsEntry("country", "DE")
			.containsEntry("value", "12.5")
			.doesNotContainKey("x");
		assertThat(ObservedEvent.from(JSON.readTree("{\"eventTime\": \"yesterday\"}"))).isNull();
	}

	private static ObservedEvent event(long time, String category, String country, String value) {
		return new ObservedEvent(time, Map.of("category", category, "country", country, "value", value));
	}

}
