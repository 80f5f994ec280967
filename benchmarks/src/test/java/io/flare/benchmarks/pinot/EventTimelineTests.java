package io.flare.benchmarks.pinot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventTimelineTests {

	private static final long END = 1_795_932_000_000L;

	private static final long TWO_HOURS = 7_200_000;

	@Test
	void shouldSpreadEventsEvenlyOverTheWindowBeforeTheEnd() {
		EventTimeline timeline = new EventTimeline(END, TWO_HOURS, 5_000_000);
		assertThat(timeline.at(0)).isEqualTo(END - TWO_HOURS);
		assertThat(timeline.at(2_500_000)).isEqualTo(END - TWO_HOURS / 2);
		assertThat(timeline.at(4_999_999)).isLessThan(END).isGreaterThanOrEqualTo(END - 2);
	}

	@Test
	void shouldNeverGoBackInTime() {
		EventTimeline timeline = new EventTimeline(END, TWO_HOURS, 50_000);
		for (long i = 1; i < 50_000; i++) {
			assertThat(timeline.at(i)).isGreaterThanOrEqualTo(timeline.at(i - 1));
		}
	}

	@Test
	void shouldRejectAnEmptyTimeline() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventTimeline(END, TWO_HOURS, 0));
	}

}
