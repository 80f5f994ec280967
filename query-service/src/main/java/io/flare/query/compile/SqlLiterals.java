package io.flare.query.compile;

import java.math.BigDecimal;

import io.flare.query.catalog.ColumnType;

/**
 * Renders values as Pinot SQL literals of a column's type, so that no value can change
 * the statement: strings are single-quoted with quotes doubled (Pinot's SQL has no
 * backslash escapes), numbers and booleans are re-printed from their parsed value.
 */
public final class SqlLiterals {

	private SqlLiterals() {
	}

	/**
	 * Renders {@code value} as a literal for a column of {@code type}.
	 * @throws IllegalArgumentException when the value is not of the type
	 */
	public static String render(String value, ColumnType type) {
		String mismatch = type.mismatch(value);
		if (mismatch != null) {
			throw new IllegalArgumentException("'" + value + "' " + mismatch);
		}
		return switch (type) {
			case INT, LONG -> Long.toString(Long.parseLong(value));
			case FLOAT, DOUBLE -> new BigDecimal(value).stripTrailingZeros().toPlainString();
			case BOOLEAN -> Boolean.toString(Boolean.parseBoolean(value));
			default -> quote(value);
		};
	}

	/** A single-quoted SQL string literal. */
	public static String quote(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/** A number as Pinot reads it (no exponent, no trailing zeros). */
	public static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
