package io.flare.query.definition;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The time window a metric is evaluated over: the last {@code size} of event time, made
 * of buckets of {@code bucket}, ending with the bucket that holds "now".
 *
 * @param size how much event time, e.g. {@code 5m} or {@code 1h} (1 minute to 24 hours, a
 * multiple of the bucket: checked by {@link DefinitionValidator})
 * @param bucket the bucket size
 * @param kind tumbling (one value per bucket) or sliding (one value per window)
 */
public record Window(String size, BucketSize bucket, WindowKind kind) {

	/**
	 * Validates the structure.
	 * @throws IllegalArgumentException naming the field
	 */
	public Window {
		if (size == null) {
			throw new IllegalArgumentException("window.size is required");
		}
		DurationText.parse("window.size", size);
		if (bucket == null) {
			throw new IllegalArgumentException("window.bucket is required");
		}
		if (kind == null) {
			throw new IllegalArgumentException("window.kind is required");
		}
	}

	/** The size as a duration. */
	@JsonIgnore
	public Duration sizeDuration() {
		return DurationText.parse("window.size", this.size);
	}

	/**
	 * How many buckets the window spans (rounded down; the validator requires a whole
	 * number).
	 */
	@JsonIgnore
	public int bucketCount() {
		return (int) (sizeDuration().toMillis() / this.bucket.millis());
	}

}
