package io.flare.query.catalog;

import java.util.List;
import java.util.Set;

/**
 * One star-tree index of a table.
 *
 * @param dimensions the {@code dimensionsSplitOrder}
 * @param functionColumnPairs the pre-aggregations, as Pinot writes them
 * ({@code COUNT__*}, {@code SUM__value}, ...)
 */
public record StarTreeSpec(List<String> dimensions, Set<String> functionColumnPairs) {

	/** Copies the collections. */
	public StarTreeSpec {
		dimensions = List.copyOf(dimensions);
		functionColumnPairs = Set.copyOf(functionColumnPairs);
	}

}
