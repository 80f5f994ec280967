package io.flare.simulator.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * Converts option values, with an error that names the option and shows what was given.
 */
final class OptionReaders {

	private OptionReaders() {
	}

	static SinkKind sink(String value) {
		try {
			return SinkKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--sink: expected kafka, http or discard, got '" + value + "'");
		}
	}

	static String nonBlank(String option, String value) {
		if (value.isBlank()) {
			throw new UsageException(option + ": must not be empty");
		}
		return value.trim();
	}

	static URI url(String value) {
		try {
			URI url = new URI(value.trim());
			if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
				throw new UsageException(
						"--url: expected an http(s) URL such as http://127.0.0.1:8081/v1/events, got '" + value + "'");
			}
			return url;
		}
		catch (URISyntaxException ex) {
			throw new UsageException("--url: not a valid URL: '" + value + "'");
		}
	}

	static long whole(String option, String value, long min, long max) {
		long number;
		try {
			number = Long.parseLong(value.trim().replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw new UsageException(option + ": expected a whole number, got '" + value + "'");
		}
		if (number < min || number > max) {
			throw new UsageException(option + ": must be between " + min + " and " + max + ", got " + number);
		}
		return number;
	}

	static double decimal(String option, String value, double min, double max) {
		double number;
		try {
			number = Double.parseDouble(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new UsageException(option + ": expected a number, got '" + value + "'");
		}
		if (!(number >= min && number <= max)) {
			throw new UsageException(
					option + ": must be between " + plain(min) + " and " + plain(max) + ", got '" + value.trim() + "'");
		}
		return number;
	}

	static Duration duration(String option, String value, Duration max) {
		Duration duration = Durations.parse(option, value);
		if (duration.isNegative() || duration.isZero() || duration.compareTo(max) > 0) {
			throw new UsageException(
					option + ": must be positive and at most " + max.toDays() + "d, got '" + value + "'");
		}
		return duration;
	}

	private static String plain(double number) {
		return (number == Math.rint(number)) ? Long.toString((long) number) : Double.toString(number);
	}

}
