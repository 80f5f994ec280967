package io.flare.benchmarks.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What the throughput phase asks for: each request picks one of the example metrics with
 * equal chance, then one of its parameter values with equal chance, as a wall of
 * dashboards showing each metric for a few categories, shows and countries would.
 *
 * @param variants metric name to the parameter sets it is asked with (at least one each)
 */
record RequestMix(Map<String, List<Map<String, String>>> variants) {

	RequestMix {
		if (variants.isEmpty() || variants.values().stream().anyMatch(List::isEmpty)) {
			throw new IllegalArgumentException("Every metric of the mix needs at least one parameter set");
		}
		variants = new LinkedHashMap<>(variants);
	}

	/**
	 * The next request.
	 * @param random the client's own generator
	 * @return the metric and its parameters
	 */
	Request next(RandomGenerator random) {
		List<String> names = List.copyOf(this.variants.keySet());
		String name = names.get(random.nextInt(names.size()));
		List<Map<String, String>> sets = this.variants.get(name);
		return new Request(name, sets.get(random.nextInt(sets.size())));
	}

	/** How many distinct requests the mix holds. */
	int distinct() {
		return this.variants.values().stream().mapToInt(List::size).sum();
	}

	/**
	 * One request of the mix.
	 *
	 * @param metric the metric's name
	 * @param parameters its parameters
	 */
	record Request(String metric, Map<String, String> parameters) {
	}

}
