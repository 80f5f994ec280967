package io.flare.query.definition;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a metric computes.
 */
public enum MeasureType {

	/** Number of events. */
	COUNT("count", true),

	/** Sum of a numeric column. */
	SUM("sum", true),

	/** Average of a numeric column (compiled to sum and count, so windows add up). */
	AVG("avg", true),

	/** Minimum of a numeric column. */
	MIN("min", true),

	/** Maximum of a numeric column. */
	MAX("max", true),

	/** Events (or the sum of a column) per second or per minute. */
	RATE("rate", true),

	/** Approximate distinct count of a column (HyperLogLog). */
	DISTINCT("distinct", false),

	/** Approximate percentile of a numeric column (t-digest). */
	PERCENTILE("percentile", false),

	/** The k values of a dimension with the most events (or the largest sum). */
	TOP_K("topK", false);

	private final String text;

	private final boolean additive;

	MeasureType(String text, boolean additive) {
		this.text = text;
		this.additive = additive;
	}

	@JsonValue
	public String text() {
		return this.text;
	}

	/**
	 * Whether per-bucket partial results combine exactly into a window's result (so final
	 * buckets can be cached one by one).
	 */
	public boolean additive() {
		return this.additive;
	}

	/**
	 * Reads a measure type by its name in definitions.
	 * @throws IllegalArgumentException naming the accepted values
	 */
	@JsonCreator
	public static MeasureType of(String text) {
		return Arrays.stream(values())
			.filter((type) -> type.text.equals(text))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("measure.type must be one of "
					+ Arrays.stream(values()).map(MeasureType::text).collect(Collectors.joining(", ")) + ", was '"
					+ text + "'"));
	}

}
