package io.flare.ingest.hotkeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.flare.model.Event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HotKeyTrackerTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final HotKeyTracker tracker = new HotKeyTracker(new HotKeysProperties(Duration.ofSeconds(60), 6, 64, 2, 10),
			this.clock, this.meters);

	@Test
	void shouldRankHeavyHittersPerCategory() {
		List<Event> events = new ArrayList<>();
		events.addAll(events("sports", "viral-match", 500));
		for (int i = 0; i < 200; i++) {
			events.addAll(events("sports", "match-" + i, 2));
		}
		events.addAll(events("movies", "film", 3));

		this.tracker.record(events);

		List<CategoryHotKeys> top = this.tracker.top(null, 3);
		assertThat(top).extracting(CategoryHotKeys::category).containsExactly("movies", "sports");
		CategoryHotKeys sports = top.get(1);
		assertThat(sports.events()).isEqualTo(900);
		assertThat(sports.top()).hasSizeLessThanOrEqualTo(3);
		assertThat(sports.top().get(0).entityId()).isEqualTo("viral-match");
		assertThat(sports.top().get(0).lowerBound()).isLessThanOrEqualTo(500);
		assertThat(sports.top().get(0).upperBound()).isGreaterThanOrEqualTo(500);
		assertThat(sports.top().get(0).share()).isBetween(0.5, 0.65);
	}

	@Test
	void shouldForgetEventsThatLeftTheWindow() {
		this.tracker.record(events("news", "old-story", 100));
		this.clock.advance(Duration.ofSeconds(50));
		this.tracker.record(events("news", "new-story", 10));

		assertThat(this.tracker.top("news", 5).get(0).events()).isEqualTo(110);
		this.clock.advance(Duration.ofSeconds(15));

		CategoryHotKeys news = this.tracker.top("news", 5).get(0);
		assertThat(news.events()).isEqualTo(10);
		assertThat(news.top()).extracting(HotKey::entityId).containsExactly("new-story");
	}

	@Test
	void shouldExposeTheHeaviestEntityAsGauges() {
		this.tracker.record(events("tickets", "drop-1", 30));
		this.tracker.record(events("tickets", "drop-2", 10));

		assertThat(this.meters.get("flare.ingest.hotkeys.top.count").tag("category", "tickets").gauge().value())
			.isEqualTo(30);
		assertThat(this.meters.get("flare.ingest.hotkeys.top.share").tag("category", "tickets").gauge().value())
			.isEqualTo(0.75);
	}

	@Test
	void shouldTrackAtMostTheConfiguredNumberOfCategories() {
		this.tracker.record(events("a", "x", 1));
		this.tracker.record(events("b", "x", 1));
		this.tracker.record(events("c", "x", 1));

		assertThat(this.tracker.top(null, 1)).extracting(CategoryHotKeys::category).containsExactly("a", "b");
	}

	@Test
	void shouldRejectAMapSizeThatIsNotAPowerOfTwo() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HotKeysProperties(Duration.ofSeconds(60), 6, 100, 2, 10))
			.withMessage("flare.ingest.hot-keys.max-map-size must be a power of two but was 100");
	}

	private static List<Event> events(String category, String entity, int count) {
		List<Event> events = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			events.add(new Event(entity + "-" + i, "s", category, "t", entity, 1L, null, null, Map.of()));
		}
		return events;
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
