package io.flare.simulator.sink;

import org.jspecify.annotations.Nullable;

/**
 * What a sink has done so far.
 *
 * @param sent events handed to the sink
 * @param acknowledged events the destination confirmed
 * @param failed events the destination rejected or never confirmed
 * @param lastError what went wrong last, if anything did
 */
public record SinkStats(long sent, long acknowledged, long failed, @Nullable String lastError) {

	/**
	 * Events sent but neither acknowledged nor failed yet.
	 * @return the count
	 */
	public long inFlight() {
		return this.sent - this.acknowledged - this.failed;
	}

}
