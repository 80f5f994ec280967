package io.flare.query.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A metric: what to compute over which events and window. The format (YAML files in
 * {@code metrics/} and JSON through the API) is described by
 * {@code metrics/metric-definition.schema.json} and the query service's README.
 * <p>
 * The compact constructor rejects structurally impossible values; whether the definition
 * fits its table (columns, types, window arithmetic, parameters) is
 * {@link DefinitionValidator}'s job, which reports every problem at once.
 *
 * @param name the metric's name: lower-case letters, digits and dashes, at most 64
 * @param description what it means, for people
 * @param table the Pinot table it reads
 * @param measure what it computes
 * @param filters conditions on the events (all apply); never {@code null}
 * @param groupBy dimensions the result is split by; never {@code null}
 * @param window the time window
 * @param parameters the parameters the filters refer to; never {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MetricDefinition(String name, @Nullable String description, String table, Measure measure,
		List<Filter> filters, List<String> groupBy, Window window, Map<String, Parameter> parameters) {

	/** What a metric name looks like. */
	public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	/**
	 * Validates the structure and copies the collections.
	 * @throws IllegalArgumentException naming the field
	 */
	public MetricDefinition {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"name must be 1-64 lower-case letters, digits or dashes, starting with a letter or digit, was "
							+ ((name != null) ? "'" + name + "'" : "missing"));
		}
		if (table == null || table.isBlank()) {
			throw new IllegalArgumentException("table is required");
		}
		if (measure == null) {
			throw new IllegalArgumentException("measure is required");
		}
		if (window == null) {
			throw new IllegalArgumentException("window is required");
		}
		filters = (filters != null) ? List.copyOf(filters) : List.of();
		groupBy = (groupBy != null) ? List.copyOf(groupBy) : List.of();
		parameters = (parameters != null) ? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters))
				: Map.of();
	}

}
