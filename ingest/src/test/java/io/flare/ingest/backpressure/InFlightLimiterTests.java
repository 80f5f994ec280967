package io.flare.ingest.backpressure;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InFlightLimiterTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final InFlightLimiter limiter = new InFlightLimiter(
			new BackpressureProperties(100, DataSize.ofBytes(1000), Duration.ofSeconds(2), 10, 10, Map.of()),
			this.meters);

	@Test
	void shouldRefuseEventsBeyondTheBoundWithRetryAfter() {
		this.limiter.acquireEvents(60);

		assertThatExceptionOfType(BackpressureException.class).isThrownBy(() -> this.limiter.acquireEvents(41))
			.withMessage("the service holds its maximum of 100 events in flight; retry later")
			.satisfies((ex) -> {
				assertThat(ex.refusal().reason()).isEqualTo("in_flight");
				assertThat(ex.refusal().retryAfter()).isEqualTo(Duration.ofSeconds(2));
			});
		assertThat(this.limiter.eventsInFlight()).isEqualTo(60);
	}

	@Test
	void shouldGiveRoomBackOnRelease() {
		this.limiter.acquireEvents(100);
		this.limiter.releaseEvents(100);

		this.limiter.acquireEvents(100);

		assertThat(this.meters.get("flare.ingest.inflight.events").gauge().value()).isEqualTo(100);
	}

	@Test
	void shouldRefuseBytesBeyondTheBound() {
		this.limiter.acquireBytes(900);

		assertThatExceptionOfType(BackpressureException.class).isThrownBy(() -> this.limiter.acquireBytes(101))
			.withMessage("the service holds its maximum of 1000 bytes in flight; retry later");
		this.limiter.releaseBytes(900);
		assertThat(this.limiter.bytesInFlight()).isZero();
	}

	@Test
	void shouldLetOneOversizedRequestThroughWhenIdleSoItIsNotStarvedForever() {
		this.limiter.acquireEvents(150);

		assertThat(this.limiter.eventsInFlight()).isEqualTo(150);
	}

}
