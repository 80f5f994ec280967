package io.flare.gateway.changes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One polled batch of events, by partition in offset order, so that a query's pending
 * offsets are updated with as few filter checks as possible: only the smallest and the
 * largest offset that concern it count, and the smallest only when the query does not
 * already wait on that partition.
 */
public final class EventBatch {

	private final Map<Integer, List<ObservedEvent>> positioned = new HashMap<>();

	private final List<ObservedEvent> unpositioned = new ArrayList<>();

	public EventBatch(List<ObservedEvent> events) {
		for (ObservedEvent event : events) {
			if (event.positioned()) {
				this.positioned.computeIfAbsent(event.partition(), (p) -> new ArrayList<>()).add(event);
			}
			else {
				this.unpositioned.add(event);
			}
		}
		this.positioned.values().forEach((list) -> list.sort(Comparator.comparingLong(ObservedEvent::offset)));
	}

	/**
	 * Notes, in a query's pending offsets, the events of the batch that concern it.
	 * @param concerns whether an event concerns the query
	 * @param pending the query's pending offsets
	 * @param now epoch milliseconds
	 */
	public void noteConcerned(Predicate<ObservedEvent> concerns, PendingOffsets pending, long now) {
		this.positioned.forEach((partition, events) -> {
			int first = 0;
			if (!pending.waitsOn(partition)) {
				first = firstMatch(events, concerns);
				if (first == events.size()) {
					return;
				}
				pending.add(partition, events.get(first).offset(), now);
			}
			for (int i = events.size() - 1; i >= first; i--) {
				if (concerns.test(events.get(i))) {
					pending.add(partition, events.get(i).offset(), now);
					return;
				}
			}
		});
	}

	/**
	 * Whether an event without a stream position concerns the query.
	 * @param concerns whether an event concerns the query
	 * @return whether one does
	 */
	public boolean anyUnpositioned(Predicate<ObservedEvent> concerns) {
		return this.unpositioned.stream().anyMatch(concerns);
	}

	private static int firstMatch(List<ObservedEvent> events, Predicate<ObservedEvent> concerns) {
		int index = 0;
		while (index < events.size() && !concerns.test(events.get(index))) {
			index++;
		}
		return index;
	}

}
