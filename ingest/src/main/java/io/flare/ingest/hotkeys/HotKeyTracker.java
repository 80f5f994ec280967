package io.flare.ingest.hotkeys;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import io.flare.model.Event;

/**
 * Tracks heavy-hitter entities per category over a sliding window, so operators see a
 * viral spike as it starts. Registers two gauges per category:
 * {@code flare.ingest.hotkeys.top.count} and {@code flare.ingest.hotkeys.top.share} (the
 * heaviest entity's estimated events and share of the category).
 */
public final class HotKeyTracker {

	private final HotKeysProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Map<String, SlidingSketch> categories = new ConcurrentHashMap<>();

	public HotKeyTracker(HotKeysProperties properties, Clock clock, MeterRegistry meters) {
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	/** Counts a batch of accepted events. */
	public void record(List<Event> events) {
		Map<String, Map<String, Long>> counts = new HashMap<>();
		for (Event event : events) {
			counts.computeIfAbsent(event.category(), (c) -> new HashMap<>()).merge(event.entityId(), 1L, Long::sum);
		}
		long now = this.clock.millis();
		counts.forEach((category, entities) -> sketch(category).ifPresent((sketch) -> {
			synchronized (sketch) {
				entities.forEach((entity, count) -> sketch.update(entity, count, now));
			}
		}));
	}

	/**
	 * The heavy hitters of every tracked category, or of one when {@code category} is
	 * set.
	 */
	public List<CategoryHotKeys> top(@Nullable String category, int limit) {
		long now = this.clock.millis();
		return this.categories.entrySet()
			.stream()
			.filter((entry) -> category == null || category.isEmpty() || entry.getKey().equals(category))
			.map((entry) -> entry.getValue().top(entry.getKey(), limit, now))
			.sorted((a, b) -> a.category().compareTo(b.category()))
			.toList();
	}

	public HotKeysProperties properties() {
		return this.properties;
	}

	private Optional<SlidingSketch> sketch(String category) {
		SlidingSketch sketch = this.categories.get(category);
		if (sketch != null) {
			return Optional.of(sketch);
		}
		if (this.categories.size() >= this.properties.maxCategories()) {
			return Optional.empty();
		}
		return Optional.of(this.categories.computeIfAbsent(category, this::register));
	}

	private SlidingSketch register(String category) {
		SlidingSketch sketch = new SlidingSketch(this.properties.slices(), this.properties.sliceMillis(),
				this.properties.maxMapSize());
		gauge("flare.ingest.hotkeys.top.count", "Estimated events of the category's heaviest entity in the window",
				category, sketch, (s) -> heaviest(s, category).map(HotKey::estimate).orElse(0L));
		gauge("flare.ingest.hotkeys.top.share", "Share of the category's events taken by its heaviest entity", category,
				sketch, (s) -> heaviest(s, category).map(HotKey::share).orElse(0.0));
		return sketch;
	}

	private void gauge(String name, String description, String category, SlidingSketch sketch,
			ToDoubleFunction<SlidingSketch> value) {
		Gauge.builder(name, sketch, value).description(description).tag("category", category).register(this.meters);
	}

	private Optional<HotKey> heaviest(SlidingSketch sketch, String category) {
		List<HotKey> top = sketch.top(category, 1, this.clock.millis()).top();
		return top.isEmpty() ? Optional.empty() : Optional.of(top.get(0));
	}

}
