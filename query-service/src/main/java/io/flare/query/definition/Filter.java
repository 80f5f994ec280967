package io.flare.query.definition;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One condition on a column; a metric's filters all apply (AND). Any value may be a
 * parameter reference, {@code ${name}}, replaced by the parameter's value (the request's
 * or the default) rendered as a literal of the column's type.
 *
 * @param column the column
 * @param op eq, in or range
 * @param value the value of {@code eq}
 * @param values the values of {@code in}
 * @param min the inclusive lower bound of {@code range}
 * @param max the exclusive upper bound of {@code range}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Filter(String column, FilterOp op, @Nullable String value, @Nullable List<String> values,
		@Nullable String min, @Nullable String max) {

	/**
	 * Validates the structure.
	 * @throws IllegalArgumentException naming the column and the missing field
	 */
	public Filter {
		if (column == null || column.isBlank()) {
			throw new IllegalArgumentException("filter column is required");
		}
		if (op == null) {
			throw new IllegalArgumentException("filter on '" + column + "': op is required");
		}
		String missing = missingOperand(op, value, values, min, max);
		if (missing != null) {
			throw new IllegalArgumentException("filter on '" + column + "': " + missing);
		}
		values = (values != null) ? List.copyOf(values) : null;
	}

	private static @Nullable String missingOperand(FilterOp op, @Nullable String value, @Nullable List<String> values,
			@Nullable String min, @Nullable String max) {
		return switch (op) {
			case EQ -> (value == null) ? "value is required for op eq" : null;
			case IN -> (values == null || values.isEmpty()) ? "values must not be empty for op in" : null;
			case RANGE -> (min == null && max == null) ? "min or max is required for op range" : null;
		};
	}

	/** {@code column = value}. */
	public static Filter eq(String column, String value) {
		return new Filter(column, FilterOp.EQ, value, null, null, null);
	}

	/** {@code column IN (values)}. */
	public static Filter in(String column, List<String> values) {
		return new Filter(column, FilterOp.IN, null, values, null, null);
	}

	/** {@code min <= column < max}. */
	public static Filter range(String column, @Nullable String min, @Nullable String max) {
		return new Filter(column, FilterOp.RANGE, null, null, min, max);
	}

	/** Every literal or parameter reference this filter holds. */
	public List<String> operands() {
		return switch (this.op) {
			case EQ -> List.of(this.value);
			case IN -> this.values;
			case RANGE -> java.util.stream.Stream.of(this.min, this.max).filter(java.util.Objects::nonNull).toList();
		};
	}

}
