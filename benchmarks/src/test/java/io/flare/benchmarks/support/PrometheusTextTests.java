package io.flare.benchmarks.support;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTests {

	private static final String TEXT = """
			# HELP cache_gets_total The number of times cache lookup methods have returned a cached (hit) or uncached (miss) value.
			# TYPE cache_gets_total counter
			cache_gets_total{application="flare-query-service",cache="flare.final",result="miss"} 12.0
			cache_gets_total{application="flare-query-service",cache="flare.live",result="hit"} 40.0
			cache_gets_total{application="flare-query-service",cache="flare.live",result="miss"} 1234.0
			http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/v1/metrics/{name}/result"} 7
			http_server_requests_seconds_count{method="GET",outcome="CLIENT_ERROR",status="404",uri="/v1/metrics/{name}/result"} 2
			http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus"} 5
			flare_gateway_evaluations_total 3.0E2
			label_with_escapes{path="a\\"b,c",x="y"} 1.5
			""";

	@Test
	void shouldSumTheSamplesWhoseLabelsMatch() {
		assertThat(PrometheusText.sum(TEXT, "cache_gets_total", Map.of("cache", "flare.live", "result", "miss")))
			.isEqualTo(1234.0);
		assertThat(PrometheusText.sum(TEXT, "http_server_requests_seconds_count",
				Map.of("uri", "/v1/metrics/{name}/result")))
			.isEqualTo(9.0);
	}

	@Test
	void shouldReadSamplesWithoutLabelsAndEscapedValues() {
		assertThat(PrometheusText.sum(TEXT, "flare_gateway_evaluations_total", Map.of())).isEqualTo(300.0);
		assertThat(PrometheusText.sum(TEXT, "label_with_escapes", Map.of("path", "a\"b,c", "x", "y"))).isEqualTo(1.5);
	}

	@Test
	void shouldGiveZeroWhenNothingMatches() {
		assertThat(PrometheusText.sum(TEXT, "cache_gets", Map.of())).isZero();
		assertThat(PrometheusText.sum(TEXT, "cache_gets_total", Map.of("cache", "other"))).isZero();
		assertThat(PrometheusText.sum("", "cache_gets_total", Map.of())).isZero();
	}

}
