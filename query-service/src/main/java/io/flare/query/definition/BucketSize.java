package io.flare.query.definition;

import java.time.Duration;
import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The tumbling buckets Pinot pre-computes for every event (the {@code bucket*} columns of
 * the events schema).
 */
public enum BucketSize {

	/** 10 seconds, column {@code bucket10s}. */
	TEN_SECONDS("10s", "bucket10s", Duration.ofSeconds(10)),

	/** 1 minute, column {@code bucket1m}. */
	ONE_MINUTE("1m", "bucket1m", Duration.ofMinutes(1)),

	/** 1 hour, column {@code bucket1h}. */
	ONE_HOUR("1h", "bucket1h", Duration.ofHours(1));

	private final String text;

	private final String column;

	private final Duration duration;

	BucketSize(String text, String column, Duration duration) {
		this.text = text;
		this.column = column;
		this.duration = duration;
	}

	@JsonValue
	public String text() {
		return this.text;
	}

	/** The Pinot column holding the event time floored to this bucket. */
	public String column() {
		return this.column;
	}

	public Duration duration() {
		return this.duration;
	}

	public long millis() {
		return this.duration.toMillis();
	}

	/** The start of the bucket holding {@code epochMillis}. */
	public long floor(long epochMillis) {
		return Math.floorDiv(epochMillis, millis()) * millis();
	}

	/**
	 * Reads {@code 10s}, {@code 1m} or {@code 1h}.
	 * @throws IllegalArgumentException naming the accepted values
	 */
	@JsonCreator
	public static BucketSize of(String text) {
		return Arrays.stream(values())
			.filter((bucket) -> bucket.text.equals(text))
			.findFirst()
			.orElseThrow(
					() -> new IllegalArgumentException("window.bucket must be one of 10s, 1m, 1h, was '" + text + "'"));
	}

	/** Whether {@code column} is one of the bucket columns. */
	public static boolean isBucketColumn(String column) {
		return Arrays.stream(values()).anyMatch((bucket) -> bucket.column.equals(column));
	}

}
