package io.flare.gateway.changes;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations of metric definitions ({@code 10s}, {@code 5m}, {@code 1h}).
 */
final class Durations {

	private static final Pattern DURATION = Pattern.compile("(\\d+)([smh])");

	private Durations() {
	}

	static Duration parse(String text) {
		Matcher matcher = DURATION.matcher(text.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("window: '" + text + "' is not a duration such as 10s, 5m or 1h");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
	}

}
