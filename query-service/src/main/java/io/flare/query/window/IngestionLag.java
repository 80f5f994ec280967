package io.flare.query.window;

import org.jspecify.annotations.Nullable;

/**
 * How far Pinot's ingestion is behind.
 *
 * @param recordsBehind Kafka end offsets minus Pinot's consuming offsets, summed over
 * partitions ({@code null} when either side could not be read)
 * @param lastIngestTime the newest {@code ingestTime} Pinot holds (epoch millis), or
 * {@code null}
 * @param measuredAt when this was measured (epoch millis)
 */
public record IngestionLag(@Nullable Long recordsBehind, @Nullable Long lastIngestTime, long measuredAt) {

	/** Nothing measured yet. */
	public static final IngestionLag UNKNOWN = new IngestionLag(null, null, 0);

}
