package io.flare.simulator.generate;

import java.util.SplittableRandom;

/**
 * How often a feed's bursts start, how much of the feed they take and how long they last
 * (in events).
 */
record BurstShape(double startChance, double share, int minLength, int maxLength) {

	BurstShape {
		if (minLength < 2 || maxLength < minLength) {
			throw new IllegalArgumentException("burst length must be 2 or more, was " + minLength + ".." + maxLength);
		}
	}

	int length(SplittableRandom random) {
		return this.minLength + random.nextInt(this.maxLength - this.minLength + 1);
	}

}
