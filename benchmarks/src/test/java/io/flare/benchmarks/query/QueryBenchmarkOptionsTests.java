package io.flare.benchmarks.query;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flare.benchmarks.support.UsageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryBenchmarkOptionsTests {

	@Test
	void shouldDefaultToTheIssuesRun() {
		QueryBenchmarkOptions options = QueryBenchmarkOptions.parse(List.of(), 7);
		assertThat(options).isEqualTo(new QueryBenchmarkOptions(5_000_000, false, 200, 50, Duration.ofMinutes(5), 1000,
				1000, 50, Duration.ofSeconds(30), 1388, Duration.ofMinutes(30), Duration.ofMinutes(8), 7, "1g", false,
				false));
	}

	@Test
	void shouldScaleDownForASmokeRunWhileExplicitOptionsWin() {
		QueryBenchmarkOptions options = QueryBenchmarkOptions.parse(List.of("--smoke", "--clients", "8"), 7);
		assertThat(options.events()).isEqualTo(200_000);
		assertThat(options.requests()).isEqualTo(30);
		assertThat(options.warmup()).isEqualTo(5);
		assertThat(options.uncachedSpan()).isEqualTo(Duration.ofSeconds(15));
		assertThat(options.cachedRequests()).isEqualTo(100);
		assertThat(options.cachedWarmup()).isEqualTo(100);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.feedRate()).isEqualTo(55);
		assertThat(options.clients()).isEqualTo(8);
		assertThat(options.settleTimeout()).as("a smoke run does not wait for seals").isZero();
		assertThat(options.smoke()).isTrue();
	}

	@Test
	void shouldReadEveryOption() {
		QueryBenchmarkOptions options = QueryBenchmarkOptions.parse(List.of("--events", "1_000_000", "--reuse-events",
				"--requests=50", "--warmup", "0", "--uncached-span", "90s", "--cached-requests", "20",
				"--cached-warmup", "3", "--duration", "1m", "--feed-rate", "0", "--ingest-timeout", "5m",
				"--settle-timeout", "0", "--seed", "42", "--heap", "512m", "--keep"), 7);
		assertThat(options).isEqualTo(new QueryBenchmarkOptions(1_000_000, true, 50, 0, Duration.ofSeconds(90), 20, 3,
				50, Duration.ofMinutes(1), 0, Duration.ofMinutes(5), Duration.ZERO, 42, "512m", true, false));
	}

	@Test
	void shouldRejectBadValuesNamingTheOption() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> QueryBenchmarkOptions.parse(List.of("--clients", "0"), 7))
			.withMessage("--clients must be at least 1, was 0");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> QueryBenchmarkOptions.parse(List.of("--requests", "5"), 7))
			.withMessage("--requests must be at least 10, was 5");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> QueryBenchmarkOptions.parse(List.of("--heap", "lots"), 7))
			.withMessage("--heap must be a size such as 512m or 1g, was 'lots'");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> QueryBenchmarkOptions.parse(List.of("--queries", "5"), 7))
			.withMessage("Unknown option '--queries'");
	}

	@Test
	void shouldRecordTheOptionsAsPlainJson() throws Exception {
		String json = new ObjectMapper()
			.writeValueAsString(QueryBenchmarkOptions.parse(List.of("--smoke"), 7).asJson());
		assertThat(json).contains("\"duration\":\"PT10S\"", "\"uncachedSpan\":\"PT15S\"", "\"ingestTimeout\":\"PT30M\"",
				"\"smoke\":true");
	}

}
