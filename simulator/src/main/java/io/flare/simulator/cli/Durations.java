package io.flare.simulator.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads durations as people write them: {@code 500ms}, {@code 90s}, {@code 5m},
 * {@code 1h}, {@code 2d}, or ISO-8601 ({@code PT2M}).
 */
final class Durations {

	private Durations() {
	}

	static Duration parse(String option, String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		try {
			if (value.startsWith("p")) {
				return Duration.parse(value.toUpperCase(Locale.ROOT));
			}
			if (value.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
			}
			long amount = Long.parseLong(value.substring(0, value.length() - 1));
			return switch (value.charAt(value.length() - 1)) {
				case 's' -> Duration.ofSeconds(amount);
				case 'm' -> Duration.ofMinutes(amount);
				case 'h' -> Duration.ofHours(amount);
				case 'd' -> Duration.ofDays(amount);
				default -> throw invalid(option, text);
			};
		}
		catch (NumberFormatException | DateTimeParseException | ArithmeticException
				| StringIndexOutOfBoundsException ex) {
			throw invalid(option, text);
		}
	}

	private static UsageException invalid(String option, String text) {
		return new UsageException(
				option + ": expected a duration such as 500ms, 90s, 5m, 1h or PT2M, got '" + text + "'");
	}

}
