package io.flare.gateway.changes;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The stream positions of the events one query is waiting for Pinot to ingest: per
 * partition, the smallest and largest offset not yet known to be queryable. An event at
 * (partition, offset) is queryable once Pinot's consuming segment for that partition has
 * consumed past the offset. Memory is constant per partition whatever the event rate. Not
 * thread-safe: the owner guards it.
 */
public final class PendingOffsets {

	private final Map<Integer, Range> ranges = new HashMap<>();

	/**
	 * Notes an event the query is waiting for.
	 * @param partition the event's partition
	 * @param offset its offset
	 * @param now epoch milliseconds
	 */
	public void add(int partition, long offset, long now) {
		Range range = this.ranges.get(partition);
		if (range == null) {
			this.ranges.put(partition, new Range(offset, offset, now));
			return;
		}
		range.min = Math.min(range.min, offset);
		range.max = Math.max(range.max, offset);
	}

	/**
	 * Takes Pinot's progress into account.
	 * @param consumed the next offset Pinot will consume per partition, or {@code null}
	 * when it could not be read
	 * @param now epoch milliseconds
	 * @param fallback how long an event may wait while the controller cannot be read
	 * @param maxWait how long an event may wait at all (Pinot not consuming its
	 * partition)
	 * @return whether at least one waiting event became queryable (or waited long
	 * enough): the query should be evaluated now
	 */
	public boolean release(@Nullable Map<Integer, Long> consumed, long now, long fallback, long maxWait) {
		boolean released = false;
		Iterator<Map.Entry<Integer, Range>> entries = this.ranges.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<Integer, Range> entry = entries.next();
			Range range = entry.getValue();
			// a partition the controller does not list is between two consuming segments:
			// its events become queryable once the next one consumed past them
			Long at = (consumed != null) ? consumed.get(entry.getKey()) : null;
			long waited = now - range.since;
			if ((consumed == null && waited >= fallback) || waited >= maxWait || (at != null && at > range.max)) {
				entries.remove();
				released = true;
			}
			else if (at != null && at > range.min) {
				// some of the events are queryable; the others lie in [at, max]
				range.min = at;
				range.since = now;
				released = true;
			}
		}
		return released;
	}

	/**
	 * Whether an event of a partition is waiting.
	 * @param partition the partition
	 * @return whether one is
	 */
	public boolean waitsOn(int partition) {
		return this.ranges.containsKey(partition);
	}

	/**
	 * Whether no event is waiting.
	 * @return whether none is
	 */
	public boolean isEmpty() {
		return this.ranges.isEmpty();
	}

	private static final class Range {

		long min;

		long max;

		long since;

		Range(long min, long max, long since) {
			this.min = min;
			this.max = max;
			this.since = since;
		}

	}

}
