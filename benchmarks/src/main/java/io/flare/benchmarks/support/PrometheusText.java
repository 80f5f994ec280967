package io.flare.benchmarks.support;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads counters out of a Prometheus text exposition ({@code /actuator/prometheus}).
 */
public final class PrometheusText {

	private PrometheusText() {
	}

	/**
	 * The sum of every sample of {@code name} whose labels include {@code labels}.
	 * @param text the exposition
	 * @param name the sample name, e.g. {@code cache_gets_total}
	 * @param labels labels that must match (others are ignored)
	 * @return the sum, 0 when no sample matches
	 */
	public static double sum(String text, String name, Map<String, String> labels) {
		double sum = 0;
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Sample sample = parse(line.strip());
			if (sample != null && !Double.isNaN(sample.value()) && sample.name().equals(name)
					&& sample.labels().entrySet().containsAll(labels.entrySet())) {
				sum += sample.value();
			}
		}
		return sum;
	}

	private static @Nullable Sample parse(String line) {
		int brace = line.indexOf('{');
		int space = line.indexOf(' ');
		if (space < 0) {
			return null;
		}
		if (brace < 0 || brace > space) {
			return new Sample(line.substring(0, space), Map.of(), value(line.substring(space + 1)));
		}
		int close = line.lastIndexOf('}');
		if (close < brace) {
			return null;
		}
		return new Sample(line.substring(0, brace), labels(line.substring(brace + 1, close)),
				value(line.substring(close + 1).strip()));
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new HashMap<>();
		int i = 0;
		while (i < text.length()) {
			int equals = text.indexOf("=\"", i);
			if (equals < 0) {
				break;
			}
			String key = text.substring(i, equals).strip();
			StringBuilder value = new StringBuilder();
			int j = equals + 2;
			while (j < text.length() && text.charAt(j) != '"') {
				if (text.charAt(j) == '\\' && j + 1 < text.length()) {
					j++;
				}
				value.append(text.charAt(j++));
			}
			labels.put(key, value.toString());
			i = text.indexOf(',', j);
			i = (i < 0) ? text.length() : i + 1;
		}
		return labels;
	}

	private static double value(String text) {
		String number = text.strip().split(" ")[0];
		try {
			return Double.parseDouble(number);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private record Sample(String name, Map<String, String> labels, double value) {
	}

}
