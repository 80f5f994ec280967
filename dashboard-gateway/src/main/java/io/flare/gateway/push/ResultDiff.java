package io.flare.gateway.push;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What changed between two results of one query.
 *
 * @param values entries of {@code values} that are new or whose value or rank changed
 * @param removed entries that left the result: their {@code bucket} (tumbling) and
 * {@code group}
 * @param buckets buckets that are new or turned final
 * @param droppedBuckets starts of the buckets the window slid past
 * @param corrected starts of final buckets whose values changed (late events)
 * @param entered top-K: groups that entered the ranking
 * @param left top-K: groups that left it
 * @param moved top-K: groups whose rank changed
 */
public record ResultDiff(List<JsonNode> values, List<JsonNode> removed, List<JsonNode> buckets,
		List<Long> droppedBuckets, List<Long> corrected, List<JsonNode> entered, List<JsonNode> left,
		List<RankMove> moved) {

	/**
	 * A top-K group that changed rank.
	 *
	 * @param group the group
	 * @param from its previous rank
	 * @param to its rank now
	 */
	public record RankMove(JsonNode group, int from, int to) {

	}

}
