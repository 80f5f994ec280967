package io.flare.gateway.changes;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Which events can change a metric's result for given parameters: its filters (with the
 * parameters substituted) and its window.
 *
 * @param filters the filters, all of which an event must pass
 * @param windowSize the window's length
 * @param bucket the bucket's length
 */
public record MetricScope(List<Filter> filters, Duration windowSize, Duration bucket) {

	private static final Pattern PARAMETER = Pattern.compile("\\$\\{([^}]+)}");

	public MetricScope {
		filters = List.copyOf(filters);
		if (bucket.isZero() || bucket.isNegative() || windowSize.compareTo(bucket) < 0) {
			throw new IllegalArgumentException("window: size " + windowSize + " must be at least the bucket " + bucket);
		}
	}

	/**
	 * Reads the scope of a metric definition (the query service's JSON).
	 * @param definition the definition
	 * @param params the subscription's parameters (defaults fill what they leave out)
	 * @return the scope
	 */
	public static MetricScope of(JsonNode definition, Map<String, String> params) {
		List<Filter> filters = new ArrayList<>();
		for (JsonNode filter : definition.path("filters")) {
			filters.add(Filter.of(filter, (text) -> substitute(text, definition.path("parameters"), params)));
		}
		JsonNode window = definition.path("window");
		return new MetricScope(filters, Durations.parse(window.path("size").asString("")),
				Durations.parse(window.path("bucket").asString("")));
	}

	/**
	 * The start of the bucket that holds a time.
	 * @param time epoch milliseconds
	 * @return the bucket's start, epoch milliseconds
	 */
	public long bucketStart(long time) {
		return Math.floorDiv(time, this.bucket.toMillis()) * this.bucket.toMillis();
	}

	/**
	 * Whether an event can change the result evaluated at {@code now}: it passes every
	 * filter and its bucket is inside the window (which ends with the bucket holding
	 * {@code now}). Events from after {@code now} count: the next evaluation may see
	 * them.
	 * @param event the event
	 * @param now epoch milliseconds
	 * @return whether the result may change
	 */
	public boolean affectedBy(ObservedEvent event, long now) {
		long windowStart = bucketStart(now) + this.bucket.toMillis() - this.windowSize.toMillis();
		if (event.eventTime() < windowStart) {
			return false;
		}
		return this.filters.stream().allMatch((filter) -> filter.accepts(event.columns().get(filter.column())));
	}

	private static String substitute(String text, JsonNode declared, Map<String, String> params) {
		Matcher matcher = PARAMETER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = params.getOrDefault(name, declared.path(name).path("default").asString(""));
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * One filter: {@code eq} and {@code in} compare text, {@code range} compares numbers
	 * (min inclusive, max exclusive).
	 *
	 * @param column the column
	 * @param values the accepted values ({@code eq}, {@code in}); empty for a range
	 * @param min the range's minimum, or {@code null}
	 * @param max the range's maximum (exclusive), or {@code null}
	 */
	public record Filter(String column, List<String> values, @Nullable BigDecimal min, @Nullable BigDecimal max) {

		public Filter {
			values = List.copyOf(values);
		}

		static Filter of(JsonNode json, UnaryOperator<String> substitute) {
			String column = json.path("column").asString("");
			String op = json.path("op").asString("");
			if ("range".equals(op)) {
				return new Filter(column, List.of(), number(json.path("min"), substitute),
						number(json.path("max"), substitute));
			}
			List<String> values = new ArrayList<>();
			if (json.has("value")) {
				values.add(substitute.apply(json.path("value").asString()));
			}
			for (JsonNode value : json.path("values")) {
				values.add(substitute.apply(value.asString()));
			}
			return new Filter(column, values, null, null);
		}

		private static @Nullable BigDecimal number(JsonNode json, UnaryOperator<String> substitute) {
			if (json.isMissingNode() || json.isNull()) {
				return null;
			}
			return parse(substitute.apply(json.asString()));
		}

		/**
		 * Whether a value passes; a column the event does not carry passes only a range
		 * without bounds.
		 * @param value the event's value, or {@code null}
		 * @return whether it passes
		 */
		boolean accepts(@Nullable String value) {
			if (this.min == null && this.max == null && this.values.isEmpty()) {
				return true;
			}
			if (value == null) {
				return false;
			}
			if (!this.values.isEmpty()) {
				return this.values.contains(value);
			}
			BigDecimal number = parse(value);
			return number != null && (this.min == null || number.compareTo(this.min) >= 0)
					&& (this.max == null || number.compareTo(this.max) < 0);
		}

		private static @Nullable BigDecimal parse(String text) {
			try {
				return new BigDecimal(text.trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
