package io.flare.query.window;

import org.jspecify.annotations.Nullable;

/**
 * How complete a metric's answer can be.
 *
 * @param watermark the watermark of the sources the metric reads (epoch millis), or
 * {@code null} when none has been seen
 * @param finalBefore buckets ending at or before this are final (watermark − grace);
 * {@link Long#MIN_VALUE} when nothing is final
 */
public record Completeness(@Nullable Long watermark, long finalBefore) {

	/**
	 * Whether the bucket {@code [start, end)} can no longer change (short of a late
	 * event).
	 */
	public boolean isFinal(long end) {
		return end <= this.finalBefore;
	}

}
