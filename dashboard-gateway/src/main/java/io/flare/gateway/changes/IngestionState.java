package io.flare.gateway.changes;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Pinot's ingestion progress as last read, and how long events may wait for it.
 *
 * @param consumed the next offset Pinot will consume per partition, or {@code null} when
 * the controller could not be read
 * @param fallback how long an event may wait while the controller cannot be read
 * @param maxWait how long an event may wait at all
 */
public record IngestionState(@Nullable Map<Integer, Long> consumed, Duration fallback, Duration maxWait) {

	/**
	 * Releases what became queryable among a query's pending events.
	 * @param pending the query's pending events
	 * @param now epoch milliseconds
	 * @return whether the query should be evaluated now
	 */
	public boolean release(PendingOffsets pending, long now) {
		return pending.release(this.consumed, now, this.fallback.toMillis(), this.maxWait.toMillis());
	}

}
