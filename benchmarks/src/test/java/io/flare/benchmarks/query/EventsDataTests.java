package io.flare.benchmarks.query;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventsDataTests {

	@Test
	void shouldStartTheLastHourWhereAnHourWindowOfOneMinuteBucketsStarts() {
		// the window ends with the minute that holds now, and starts an hour before that
		// end
		long now = Instant.parse("2026-11-29T08:30:42.123Z").toEpochMilli();
		assertThat(EventsData.lastHourStart(now)).isEqualTo(Instant.parse("2026-11-29T07:31:00Z").toEpochMilli());
		assertThat(EventsData.lastHourStart(Instant.parse("2026-11-29T08:30:00Z").toEpochMilli()))
			.isEqualTo(Instant.parse("2026-11-29T07:31:00Z").toEpochMilli());
	}

}
