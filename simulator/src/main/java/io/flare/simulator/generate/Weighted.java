package io.flare.simulator.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks one of a few items in proportion to their weights.
 */
final class Weighted<T> {

	private final List<T> items;

	private final WeightedIndex index;

	Weighted(List<T> items, double... weights) {
		if (items.size() != weights.length) {
			throw new IllegalArgumentException(items.size() + " items but " + weights.length + " weights");
		}
		this.items = List.copyOf(items);
		this.index = new WeightedIndex(weights);
	}

	T pick(SplittableRandom random) {
		return this.items.get(this.index.sample(random));
	}

}
