package io.flare.simulator.run;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * When a run stops: after a count, after a duration (whichever comes first), or never.
 *
 * @param count events to send, or null for no count limit
 * @param duration how long to run, or null for no time limit
 * @param forever true to run until interrupted; then count and duration must be null
 */
public record RunLimits(@Nullable Long count, @Nullable Duration duration, boolean forever) {

	public RunLimits {
		if (forever && (count != null || duration != null)) {
			throw new IllegalArgumentException("forever excludes a count or a duration");
		}
		if (!forever && count == null && duration == null) {
			throw new IllegalArgumentException("a count or a duration is required unless forever");
		}
		if (count != null && count < 0) {
			throw new IllegalArgumentException("count must not be negative, was " + count);
		}
		if (duration != null && duration.isNegative()) {
			throw new IllegalArgumentException("duration must not be negative, was " + duration);
		}
	}

	/**
	 * The limits as a user would write them.
	 * @return for example {@code count=1000 duration=60s}, or {@code forever}
	 */
	public String describe() {
		if (this.forever) {
			return "forever";
		}
		String count = (this.count != null) ? "count=" + this.count : "";
		String duration = (this.duration != null) ? "duration=" + this.duration.toMillis() / 1000.0 + "s" : "";
		return (count + " " + duration).trim();
	}

	long maxEvents() {
		return (this.count != null) ? this.count : Long.MAX_VALUE;
	}

}
