package io.flare.benchmarks.pinot;

/**
 * Spreads a number of events evenly over a window that ends at a given time: event
 * {@code i} happens at {@code end - window + i * window / count}.
 *
 * @param endMillis the window's end (exclusive), epoch millis
 * @param windowMillis the window's length
 * @param count how many events
 */
public record EventTimeline(long endMillis, long windowMillis, long count) {

	public EventTimeline {
		if (count < 1 || windowMillis < 1) {
			throw new IllegalArgumentException("count and windowMillis must be positive");
		}
	}

	/** The event time of event {@code index} (0-based). */
	long at(long index) {
		return this.endMillis - this.windowMillis + index * this.windowMillis / this.count;
	}

}
