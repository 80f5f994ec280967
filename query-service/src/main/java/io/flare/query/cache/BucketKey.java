package io.flare.query.cache;

import java.util.Set;

/**
 * Names a cached result: the query's shape (its SQL without the time range) over
 * {@code [start, end)}, and the sources it reads.
 *
 * @param shape the query shape
 * @param sources the sources the query is restricted to; empty when it reads every source
 * @param start the range start, epoch millis
 * @param end the range end, exclusive
 */
public record BucketKey(String shape, Set<String> sources, long start, long end) {

	/** Copies the sources. */
	public BucketKey {
		sources = Set.copyOf(sources);
	}

	/**
	 * Whether a row of {@code source} in the 10-second bucket starting at
	 * {@code bucket10s} could change this result.
	 */
	boolean covers(String source, long bucket10s) {
		return (this.sources.isEmpty() || this.sources.contains(source)) && bucket10s < this.end
				&& bucket10s + 10_000 > this.start;
	}

}
