package io.flare.simulator.sink;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP {@code Retry-After} header: delay-seconds or an HTTP-date.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * The wait the header asks for, never negative; null when absent or unreadable.
	 */
	static @Nullable Duration parse(@Nullable String header, Instant now) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		if (value.chars().allMatch(Character::isDigit)) {
			return (value.length() > 9) ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(value));
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
