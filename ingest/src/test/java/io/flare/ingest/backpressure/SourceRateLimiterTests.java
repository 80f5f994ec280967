package io.flare.ingest.backpressure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SourceRateLimiterTests {

	private final SourceRateLimiter limiter = new SourceRateLimiter(new BackpressureProperties(1000,
			DataSize.ofMegabytes(1), Duration.ofSeconds(1), 100, 200, Map.of("vip", 1000L)));

	@Test
	void shouldAllowABurstUpToCapacityThenRefuseWithRetryAfter() {
		this.limiter.acquire(Map.of("a", 200));

		assertThatExceptionOfType(BackpressureException.class).isThrownBy(() -> this.limiter.acquire(Map.of("a", 50)))
			.satisfies((ex) -> {
				assertThat(ex.refusal().reason()).isEqualTo("rate_limit");
				assertThat(ex.refusal().retryAfter()).isGreaterThan(Duration.ZERO)
					.isLessThanOrEqualTo(Duration.ofSeconds(1));
				assertThat(ex).hasMessageStartingWith("source 'a' is over its rate of 100 events/s; retry after ");
			});
	}

	@Test
	void shouldLimitEachSourceSeparately() {
		this.limiter.acquire(Map.of("a", 200));

		assertThatNoException().isThrownBy(() -> this.limiter.acquire(Map.of("b", 200)));
	}

	@Test
	void shouldApplyPerSourceOverrides() {
		assertThatNoException().isThrownBy(() -> this.limiter.acquire(Map.of("vip", 1000)));
	}

	@Test
	void shouldTakeNoTokensWhenAnySourceOfTheBatchIsOverItsRate() {
		this.limiter.acquire(Map.of("b", 200));
		Map<String, Integer> batch = new LinkedHashMap<>();
		batch.put("a", 150);
		batch.put("b", 1);

		assertThatExceptionOfType(BackpressureException.class).isThrownBy(() -> this.limiter.acquire(batch));
		assertThatNoException().isThrownBy(() -> this.limiter.acquire(Map.of("a", 200)));
	}

	@Test
	void shouldTellToSplitABatchLargerThanTheBurst() {
		assertThatExceptionOfType(BackpressureException.class).isThrownBy(() -> this.limiter.acquire(Map.of("a", 500)))
			.withMessage("source 'a' may send at most 200 events at once; split the batch");
	}

}
