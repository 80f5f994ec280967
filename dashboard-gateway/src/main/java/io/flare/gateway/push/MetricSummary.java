package io.flare.gateway.push;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One metric as {@code metrics.list} describes it, enough for a dashboard to offer it.
 *
 * @param name the metric's name
 * @param version its live version
 * @param description what it measures
 * @param measure the measure's type ({@code count}, {@code topK}, …)
 * @param window {@code tumbling} (a series) or {@code sliding} (one value per group)
 * @param parameters each parameter with its default ({@code null}: required)
 */
public record MetricSummary(String name, long version, String description, String measure, String window,
		Map<String, String> parameters) {

	static MetricSummary of(JsonNode version) {
		JsonNode definition = version.path("definition");
		Map<String, String> parameters = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> parameter : definition.path("parameters").properties()) {
			JsonNode defaultValue = parameter.getValue().path("default");
			parameters.put(parameter.getKey(), defaultValue.isMissingNode() ? null : defaultValue.asString());
		}
		return new MetricSummary(version.path("name").asString(""), version.path("version").asLong(),
				definition.path("description").asString(""), definition.path("measure").path("type").asString(""),
				definition.path("window").path("kind").asString(""), parameters);
	}

}
