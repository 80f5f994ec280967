package io.flare.gateway.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventBatchTests {

	private final List<ObservedEvent> checked = new ArrayList<>();

	@Test
	void shouldWaitForTheFirstAndLastConcernedOffsetOfEachPartition() {
		EventBatch batch = new EventBatch(List.of(event("news", 0, 12), event("sports", 0, 10), event("news", 0, 11),
				event("sports", 0, 13), event("news", 1, 5), event("sports", 2, 9)));
		PendingOffsets pending = new PendingOffsets();

		batch.noteConcerned(category("news"), pending, 0);

		assertThat(pending.waitsOn(0)).isTrue();
		assertThat(pending.waitsOn(1)).isTrue();
		assertThat(pending.waitsOn(2)).as("nothing there concerns the query").isFalse();
		assertThat(pending.release(Map.of(0, 12L, 1, 6L), 1, 3000, 30000)).as("11 is queryable").isTrue();
		assertThat(pending.waitsOn(0)).as("12 is not").isTrue();
		assertThat(pending.release(Map.of(0, 13L, 1, 6L), 2, 3000, 30000)).isTrue();
		assertThat(pending.isEmpty()).isTrue();
	}

	@Test
	void shouldCheckOnlyFromTheNewestEventOnAPartitionAlreadyWaitedOn() {
		List<ObservedEvent> events = new ArrayList<>();
		for (int offset = 0; offset < 1000; offset++) {
			events.add(event("news", 0, offset));
		}
		EventBatch batch = new EventBatch(events);
		PendingOffsets pending = new PendingOffsets();
		pending.add(0, 0, 0);

		batch.noteConcerned(category("news"), pending, 0);

		assertThat(this.checked).singleElement().extracting(ObservedEvent::offset).isEqualTo(999L);
		assertThat(pending.release(Map.of(0, 999L), 1, 3000, 30000)).isTrue();
		assertThat(pending.waitsOn(0)).as("999 is not queryable yet").isTrue();
	}

	@Test
	void shouldTellWhetherAnEventWithoutPositionConcernsTheQuery() {
		EventBatch batch = new EventBatch(List.of(new ObservedEvent(0, Map.of("category", "sports"))));

		assertThat(batch.anyUnpositioned(category("news"))).isFalse();
		assertThat(batch.anyUnpositioned(category("sports"))).isTrue();
	}

	private Predicate<ObservedEvent> category(String category) {
		return (event) -> {
			this.checked.add(event);
			return category.equals(event.columns().get("category"));
		};
	}

	private static ObservedEvent event(String category, int partition, long offset) {
		return new ObservedEvent(0, Map.of("category", category), partition, offset);
	}

}
