package io.flare.benchmarks.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The five example metrics of {@code metrics/}, each registered under a name of the run's
 * own twice: as the file is (on the {@code events} table, with its star-tree) and pointed
 * at the plain table (the one change: {@code table:}).
 */
final class ExampleMetrics {

	/** The example files, in the order the results list them. */
	static final List<String> NAMES = List.of("trending-entities", "events-per-second", "distinct-entities-by-country",
			"ticket-sell-through", "breaking-news-velocity");

	private static final Pattern TABLE = Pattern.compile("(?m)^table:[ \\t]*events[ \\t]*$");

	private ExampleMetrics() {
	}

	/**
	 * Reads the example definitions as YAML text.
	 * @param root the repository root
	 * @return file name (without {@code .yaml}) to its content, in {@link #NAMES} order
	 */
	static Map<String, String> read(Path root) {
		Map<String, String> yaml = new LinkedHashMap<>();
		for (String name : NAMES) {
			Path file = root.resolve("metrics").resolve(name + ".yaml");
			try {
				yaml.put(name, Files.readString(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the example metric " + file + ": " + ex.getMessage(), ex);
			}
		}
		return yaml;
	}

	/**
	 * The same definition on another table.
	 * @param yaml a definition on {@code events}
	 * @param table the other table
	 * @return the definition with only its {@code table:} line changed
	 * @throws IllegalArgumentException when the definition has no top-level
	 * {@code table: events} line
	 */
	static String onTable(String yaml, String table) {
		Matcher matcher = TABLE.matcher(yaml);
		if (!matcher.find()) {
			throw new IllegalArgumentException("The definition has no top-level 'table: events' line");
		}
		return matcher.replaceFirst(Matcher.quoteReplacement("table: " + table));
	}

	/**
	 * The run's name of an example on the star-tree table.
	 * @param runId the run
	 * @param example the file name
	 * @return e.g. {@code qbench-20261129t061502-trending-entities}
	 */
	static String starName(String runId, String example) {
		return "qbench-" + runId + "-" + example;
	}

	/**
	 * The run's name of an example on the plain table.
	 * @param runId the run
	 * @param example the file name
	 * @return e.g. {@code qbench-20261129t061502-trending-entities-plain}
	 */
	static String plainName(String runId, String example) {
		return starName(runId, example) + "-plain";
	}

}
