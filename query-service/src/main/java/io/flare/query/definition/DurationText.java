package io.flare.query.definition;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as definitions write them: a whole number and a unit, {@code 10s},
 * {@code 5m}, {@code 1h}.
 */
public final class DurationText {

	private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,6})([smh])");

	private DurationText() {
	}

	/**
	 * Parses {@code text}.
	 * @param field the field named in the error
	 * @param text the text, e.g. {@code 5m}
	 * @return the duration
	 * @throws IllegalArgumentException naming the field when the text is not of the form
	 * {@code <number>s|m|h}
	 */
	public static Duration parse(String field, String text) {
		Matcher matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					field + " must be a positive whole number followed by s, m or h (e.g. 5m), was '" + text + "'");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
	}

}
