package io.flare.simulator.cli;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

import io.flare.simulator.generate.GeneratorProperties;
import io.flare.simulator.run.RunLimits;

/**
 * Reads the command line ({@code --name value} or {@code --name=value}) and checks it,
 * naming the option in every error.
 */
public final class OptionsParser {

	private static final Map<String, BiConsumer<OptionValues, String>> VALUED = Map.ofEntries(
			Map.entry("--sink", (v, s) -> v.sink = OptionReaders.sink(s)),
			Map.entry("--bootstrap", (v, s) -> v.bootstrap = OptionReaders.nonBlank("--bootstrap", s)),
			Map.entry("--topic", (v, s) -> v.topic = OptionReaders.nonBlank("--topic", s)),
			Map.entry("--url", (v, s) -> v.url = OptionReaders.url(s)),
			Map.entry("--api-key", (v, s) -> v.apiKey = OptionReaders.nonBlank("--api-key", s)),
			Map.entry("--in-flight", (v, s) -> v.inFlight = (int) OptionReaders.whole("--in-flight", s, 1, 64)),
			Map.entry("--rate", (v, s) -> v.rate = OptionReaders.decimal("--rate", s, 0, 10_000_000)),
			Map.entry("--count", (v, s) -> v.count = OptionReaders.whole("--count", s, 1, Long.MAX_VALUE)),
			Map.entry("--duration",
					(v, s) -> v.duration = OptionReaders.duration("--duration", s, Duration.ofDays(3650))),
			Map.entry("--seed", (v, s) -> v.seed = OptionReaders.whole("--seed", s, Long.MIN_VALUE, Long.MAX_VALUE)),
			Map.entry("--batch", (v, s) -> v.batch = (int) OptionReaders.whole("--batch", s, 1, 100_000)),
			Map.entry("--entities", (v, s) -> v.entities = (int) OptionReaders.whole("--entities", s, 4, 4_000_000)),
			Map.entry("--zipf", (v, s) -> v.zipf = OptionReaders.decimal("--zipf", s, 0, 10)),
			Map.entry("--late-fraction", (v, s) -> v.lateFraction = OptionReaders.decimal("--late-fraction", s, 0, 1)),
			Map.entry("--max-lateness",
					(v, s) -> v.maxLateness = OptionReaders.duration("--max-lateness", s, Duration.ofDays(1))),
			Map.entry("--out-of-order-fraction",
					(v, s) -> v.outOfOrderFraction = OptionReaders.decimal("--out-of-order-fraction", s, 0, 0.3)),
			Map.entry("--duplicate-fraction",
					(v, s) -> v.duplicateFraction = OptionReaders.decimal("--duplicate-fraction", s, 0, 0.3)));

	private OptionsParser() {
	}

	/**
	 * Parses a command line; a random seed is drawn when none is given.
	 * @param args the arguments
	 * @return the options
	 * @throws UsageException when an argument is wrong or missing
	 */
	public static SimulatorOptions parse(String... args) {
		return parse(args, System::nanoTime);
	}

	static SimulatorOptions parse(String[] args, LongSupplier seedSource) {
		OptionValues values = new OptionValues();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 0) ? arg.substring(0, equals) : arg;
			if (!readFlag(values, name, arg)) {
				BiConsumer<OptionValues, String> reader = VALUED.get(name);
				if (reader == null) {
					throw new UsageException(arg.startsWith("-") ? "unknown option '" + name + "'"
							: "unexpected argument '" + arg + "'");
				}
				String value = (equals > 0 && arg.startsWith("--")) ? arg.substring(equals + 1) : valueAfter(args, i++);
				reader.accept(values, value);
			}
		}
		return values.help ? help(values) : build(values, seedSource);
	}

	private static boolean readFlag(OptionValues values, String name, String arg) {
		if ("--help".equals(arg) || "-h".equals(arg)) {
			values.help = true;
			return true;
		}
		if ("--forever".equals(name)) {
			if (!name.equals(arg)) {
				throw new UsageException("--forever takes no value");
			}
			values.forever = true;
			return true;
		}
		return false;
	}

	private static String valueAfter(String[] args, int index) {
		if (index + 1 >= args.length || args[index + 1].startsWith("--")) {
			throw new UsageException(args[index] + ": missing value");
		}
		return args[index + 1];
	}

	private static SimulatorOptions help(OptionValues values) {
		return new SimulatorOptions(true, values.sink, values.bootstrap, values.topic, values.url, values.apiKey,
				values.inFlight, values.rate, new RunLimits(null, null, true), values.batch,
				GeneratorProperties.defaults(0));
	}

	private static SimulatorOptions build(OptionValues values, LongSupplier seedSource) {
		if (values.forever && (values.count != null || values.duration != null)) {
			throw new UsageException("--forever cannot be combined with --count or --duration");
		}
		if (!values.forever && values.count == null && values.duration == null) {
			throw new UsageException("say when to stop: --count N, --duration D (e.g. 60s), or --forever");
		}
		long seed = (values.seed != null) ? values.seed : seedSource.getAsLong();
		try {
			GeneratorProperties generator = new GeneratorProperties(seed, values.entities, values.zipf,
					values.lateFraction, values.maxLateness, values.outOfOrderFraction,
					GeneratorProperties.DEFAULT_OUT_OF_ORDER_WINDOW, values.duplicateFraction);
			RunLimits limits = new RunLimits(values.count, values.duration, values.forever);
			return new SimulatorOptions(false, values.sink, values.bootstrap, values.topic, values.url, values.apiKey,
					values.inFlight, values.rate, limits, values.batch, generator);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(String.valueOf(ex.getMessage()));
		}
	}

}
