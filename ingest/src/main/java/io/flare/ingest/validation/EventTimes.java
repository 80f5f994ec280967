package io.flare.ingest.validation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code eventTime} (ISO-8601 with an offset, or epoch milliseconds) into epoch
 * milliseconds and checks it lies within [now - retention, now + maxFuture].
 */
final class EventTimes {

	static final String FIELD = "eventTime";

	private static final String FORMAT = "must be epoch milliseconds (a whole number) or an ISO-8601 timestamp "
			+ "with an offset, e.g. 2025-01-31T12:00:00Z";

	private static final int MAX_TEXT_LENGTH = 64;

	private final Duration maxFuture;

	private final Duration retention;

	EventTimes(Duration maxFuture, Duration retention) {
		this.maxFuture = maxFuture;
		this.retention = retention;
	}

	@Nullable Long read(@Nullable JsonNode node, Instant now, Errors errors) {
		if (node == null || EventValidator.isAbsent(node)) {
			errors.add(FIELD, RejectCode.MISSING, "is required");
			return null;
		}
		Long millis = parse(node, errors);
		if (millis == null) {
			return null;
		}
		long nowMillis = now.toEpochMilli();
		if (millis > nowMillis + this.maxFuture.toMillis()) {
			errors.add(FIELD, RejectCode.IN_FUTURE, "must be at most " + this.maxFuture + " in the future but was "
					+ Instant.ofEpochMilli(millis) + ", " + Duration.ofMillis(millis - nowMillis) + " ahead");
			return null;
		}
		if (millis < nowMillis - this.retention.toMillis()) {
			errors.add(FIELD, RejectCode.TOO_OLD, "must be within the retention of " + this.retention + " but was "
					+ Instant.ofEpochMilli(millis) + ", " + Duration.ofMillis(nowMillis - millis) + " ago");
			return null;
		}
		return millis;
	}

	private static @Nullable Long parse(JsonNode node, Errors errors) {
		if (node.isNumber()) {
			if (!node.isIntegralNumber() || !node.canConvertToLong()) {
				errors.add(FIELD, RejectCode.INVALID_VALUE, FORMAT + " but was " + node.asString());
				return null;
			}
			return node.longValue();
		}
		if (!node.isString()) {
			errors.add(FIELD, RejectCode.WRONG_TYPE, FORMAT + " but was " + Strings.describe(node));
			return null;
		}
		String text = node.stringValue();
		if (text.length() <= MAX_TEXT_LENGTH) {
			try {
				return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
			}
			catch (DateTimeParseException | ArithmeticException ex) {
				// reported below with the contract's wording
			}
		}
		errors.add(FIELD, RejectCode.INVALID_VALUE, FORMAT + " but was " + Errors.echo(text));
		return null;
	}

}
