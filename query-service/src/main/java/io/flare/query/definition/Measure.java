package io.flare.query.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What a metric computes. Which fields apply depends on the type: {@code column} for sum,
 * avg, min, max, percentile and distinct (optional for rate and topK: then they sum the
 * column instead of counting events), {@code per} for rate, {@code percentile} for
 * percentile, {@code by} and {@code k} for topK.
 *
 * @param type the measure type
 * @param column the column measured
 * @param per the rate's unit
 * @param percentile the percentile, in (0, 100]
 * @param by the dimension whose top values topK ranks
 * @param k how many values topK returns (1 to 1000, default 10)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measure(MeasureType type, @Nullable String column, @Nullable RateUnit per, @Nullable Double percentile,
		@Nullable String by, @Nullable Integer k) {

	/** The largest k a topK may ask for. */
	public static final int MAX_K = 1000;

	/**
	 * Validates the structure.
	 * @throws IllegalArgumentException naming the field
	 */
	public Measure {
		if (type == null) {
			throw new IllegalArgumentException("measure.type is required");
		}
		if (percentile != null && !(percentile > 0 && percentile <= 100)) {
			throw new IllegalArgumentException("measure.percentile must be in (0, 100], was " + percentile);
		}
		if (k != null && (k < 1 || k > MAX_K)) {
			throw new IllegalArgumentException("measure.k must be between 1 and " + MAX_K + ", was " + k);
		}
		if (type == MeasureType.TOP_K && k == null) {
			k = 10;
		}
	}

	/** A count of events. */
	public static Measure count() {
		return new Measure(MeasureType.COUNT, null, null, null, null, null);
	}

	/** An aggregate of a column (sum, avg, min, max, distinct). */
	public static Measure of(MeasureType type, String column) {
		return new Measure(type, column, null, null, null, null);
	}

}
