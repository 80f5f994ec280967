package io.flare.benchmarks.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.infra.testing.PinotBroker;

/**
 * The parameter values each example is asked with, chosen so they hit the loaded data:
 * every category for the trending entities, and the shows and countries with the most
 * ticket sales and headlines in the examples' windows. The first set of each is the one
 * the latency phase measures.
 */
final class ParameterValues {

	static final List<String> CATEGORIES = List.of("sports", "movies", "tickets", "news");

	private static final int TOP = 3;

	private ParameterValues() {
	}

	/**
	 * Reads the top shows and countries from the table.
	 * @param broker Pinot
	 * @param nowMillis now
	 * @return example name to its parameter sets, in {@link ExampleMetrics#NAMES} order
	 */
	static Map<String, List<Map<String, String>>> choose(PinotBroker broker, long nowMillis) {
		long minute = 60_000;
		long since = nowMillis / minute * minute - 29 * minute;
		List<String> shows = top(broker, "entityId", "category = 'tickets' AND type = 'sale'", since);
		if (shows.isEmpty()) {
			throw new BenchmarkException("No ticket sale in events over the last 30 minutes: nothing for "
					+ "ticket-sell-through to show (is the live feed running?)");
		}
		List<String> countries = top(broker, "country", "category = 'news' AND type = 'headline'", since + 20 * minute);
		Map<String, List<Map<String, String>>> values = new LinkedHashMap<>();
		values.put("trending-entities", sets("category", CATEGORIES));
		values.put("events-per-second", List.of(Map.of()));
		values.put("distinct-entities-by-country", List.of(Map.of()));
		values.put("ticket-sell-through", sets("show", shows));
		values.put("breaking-news-velocity", sets("country", countries.isEmpty() ? List.of("US") : countries));
		return values;
	}

	static List<Map<String, String>> sets(String parameter, List<String> values) {
		List<Map<String, String>> sets = new ArrayList<>();
		values.forEach((value) -> sets.add(Map.of(parameter, value)));
		return sets;
	}

	private static List<String> top(PinotBroker broker, String column, String filter, long sinceMillis) {
		JsonNode rows = broker
			.query("SELECT " + column + ", COUNT(*) AS n FROM " + EventsData.TABLE + " WHERE " + filter
					+ " AND bucket1m >= " + sinceMillis + " GROUP BY " + column + " ORDER BY n DESC, " + column
					+ " LIMIT " + TOP)
			.path("resultTable")
			.path("rows");
		List<String> values = new ArrayList<>();
		rows.forEach((row) -> values.add(row.path(0).asText()));
		return values;
	}

}
