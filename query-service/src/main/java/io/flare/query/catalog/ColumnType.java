package io.flare.query.catalog;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A Pinot column's data type, as far as metrics care.
 */
public enum ColumnType {

	/** Text. */
	STRING,

	/** 32-bit integer. */
	INT,

	/** 64-bit integer (also epoch-millisecond times). */
	LONG,

	/** 32-bit floating point. */
	FLOAT,

	/** 64-bit floating point. */
	DOUBLE,

	/** Boolean. */
	BOOLEAN,

	/** JSON document (only JSON functions apply). */
	JSON,

	/** Anything else (bytes, big decimals, timestamps). */
	OTHER;

	private static final int MAX_STRING = 4096;

	private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

	private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]{1,3})?");

	/** Whether arithmetic aggregations (sum, avg, percentile) apply. */
	public boolean numeric() {
		return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
	}

	/** Whether the type holds whole numbers. */
	public boolean integral() {
		return this == INT || this == LONG;
	}

	/**
	 * Why {@code text} is not a literal of this type, or {@code null} when it is one.
	 * Numbers must be plain decimals (no hexadecimal, no {@code NaN}, no suffixes).
	 */
	public @Nullable String mismatch(String text) {
		return switch (this) {
			case INT, LONG -> integral(text) ? null : "is not a whole number";
			case FLOAT, DOUBLE ->
				DECIMAL.matcher(text).matches() && Double.isFinite(Double.parseDouble(text)) ? null : "is not a number";
			case BOOLEAN -> ("true".equals(text) || "false".equals(text)) ? null : "is not true or false";
			case STRING ->
				(text.indexOf('\0') >= 0 || text.length() > MAX_STRING) ? "is not a valid string literal" : null;
			default -> "cannot be compared in a filter (type " + name() + ")";
		};
	}

	private boolean integral(String text) {
		if (!INTEGER.matcher(text).matches()) {
			return false;
		}
		try {
			long value = Long.parseLong(text);
			return this == LONG || (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/** Maps Pinot's {@code dataType} name. */
	public static ColumnType ofPinot(String dataType) {
		return switch (dataType) {
			case "STRING" -> STRING;
			case "INT" -> INT;
			case "LONG" -> LONG;
			case "FLOAT" -> FLOAT;
			case "DOUBLE" -> DOUBLE;
			case "BOOLEAN" -> BOOLEAN;
			case "JSON" -> JSON;
			default -> OTHER;
		};
	}

}
