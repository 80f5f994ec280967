package io.flare.benchmarks.support;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of one benchmark's command line ({@code --name value}, {@code --name=value}
 * or a bare {@code --flag}), read into typed values with messages that name the option.
 */
public final class CommandLine {

	private final Map<String, String> values;

	private CommandLine(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Reads the arguments.
	 * @param args the arguments after the benchmark's name
	 * @param valued the options that take a value (without {@code --})
	 * @param flags the options that take none
	 * @return the options given
	 * @throws UsageException on an unknown option or a missing value
	 */
	public static CommandLine parse(List<String> args, Set<String> valued, Set<String> flags) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				throw new UsageException("Unexpected argument '" + arg + "'");
			}
			int equals = arg.indexOf('=');
			String name = arg.substring(2, (equals < 0) ? arg.length() : equals);
			if (flags.contains(name) && equals < 0) {
				values.put(name, "true");
			}
			else if (!valued.contains(name)) {
				throw new UsageException("Unknown option '--" + name + "'");
			}
			else if (equals >= 0) {
				values.put(name, arg.substring(equals + 1));
			}
			else if (i + 1 < args.size()) {
				values.put(name, args.get(++i));
			}
			else {
				throw new UsageException("Option '--" + name + "' needs a value");
			}
		}
		return new CommandLine(values);
	}

	public boolean flag(String name) {
		return this.values.containsKey(name);
	}

	public String string(String name, String defaultValue) {
		return this.values.getOrDefault(name, defaultValue);
	}

	/**
	 * A whole number, underscores allowed ({@code 5_000_000}).
	 * @param name the option
	 * @param defaultValue when absent
	 * @param min the smallest accepted value
	 * @return the value
	 */
	public long number(String name, long defaultValue, long min) {
		String text = this.values.get(name);
		if (text == null) {
			return defaultValue;
		}
		long value;
		try {
			value = Long.parseLong(text.replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " must be a whole number, was '" + text + "'");
		}
		if (value < min) {
			throw new UsageException("--" + name + " must be at least " + min + ", was " + value);
		}
		return value;
	}

	/**
	 * A whole number that fits an {@code int}, underscores allowed.
	 * @param name the option
	 * @param defaultValue when absent
	 * @param min the smallest accepted value
	 * @return the value
	 */
	public int integer(String name, int defaultValue, int min) {
		long value = number(name, defaultValue, min);
		if (value > Integer.MAX_VALUE) {
			throw new UsageException("--" + name + " must be at most " + Integer.MAX_VALUE + ", was " + value);
		}
		return (int) value;
	}

	/**
	 * A duration such as {@code 30m}, {@code 90s}, {@code 1h} or ISO-8601 {@code PT30M}.
	 * @param name the option
	 * @param defaultValue when absent
	 * @return the positive duration
	 */
	public Duration duration(String name, Duration defaultValue) {
		String text = this.values.get(name);
		if (text == null) {
			return defaultValue;
		}
		String lower = text.trim().toLowerCase(Locale.ROOT);
		try {
			Duration value = lower.startsWith("pt") ? Duration.parse(lower) : Duration.parse("PT" + lower);
			if (value.isNegative() || value.isZero()) {
				throw new UsageException("--" + name + " must be positive, was '" + text + "'");
			}
			return value;
		}
		catch (DateTimeParseException ex) {
			throw new UsageException("--" + name + " must be a duration such as 30m, 90s or 1h, was '" + text + "'");
		}
	}

}
