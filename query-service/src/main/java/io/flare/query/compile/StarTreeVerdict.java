package io.flare.query.compile;

import java.util.List;

/**
 * Whether Pinot can answer a compiled query from a star-tree index on sealed segments,
 * and if not, why. (Consuming segments never have a star-tree: the live edge is always
 * read from raw rows.)
 *
 * @param eligible whether every filter and group-by column is a star-tree dimension and
 * every aggregation a function-column pair of one tree
 * @param reasons why not, one line each; empty when eligible
 */
public record StarTreeVerdict(boolean eligible, List<String> reasons) {

	/** Copies the reasons. */
	public StarTreeVerdict {
		reasons = List.copyOf(reasons);
	}

}
