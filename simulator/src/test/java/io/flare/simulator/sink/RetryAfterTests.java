package io.flare.simulator.sink;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void shouldReadDelaySeconds() {
		assertThat(RetryAfter.parse(" 7 ", NOW)).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void shouldReadAnHttpDateRelativeToNow() {
		assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
		assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void shouldIgnoreAMissingOrUnreadableHeader() {
		assertThat(RetryAfter.parse(null, NOW)).isNull();
		assertThat(RetryAfter.parse("soon", NOW)).isNull();
		assertThat(RetryAfter.parse("-3", NOW)).isNull();
	}

	@Test
	void shouldNotOverflowOnHugeDelays() {
		assertThat(RetryAfter.parse("99999999999999999999", NOW)).isGreaterThan(Duration.ofDays(365));
	}

}
