package io.flare.gateway.push;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Computes what changed between two results of one query: a pure function.
 */
final class ResultDiffer {

	private ResultDiffer() {
	}

	static ResultDiff diff(JsonNode previous, JsonNode current) {
		Map<String, JsonNode> before = entries(previous);
		Map<String, JsonNode> after = entries(current);
		Set<Long> finalBefore = finalBuckets(previous);
		List<JsonNode> values = new ArrayList<>();
		List<JsonNode> removed = new ArrayList<>();
		Set<Long> corrected = new TreeSet<>();
		after.forEach((id, entry) -> {
			JsonNode old = before.get(id);
			if (!entry.equals(old)) {
				values.add(entry);
				addIfFinal(corrected, finalBefore, old);
			}
		});
		before.forEach((id, entry) -> {
			if (!after.containsKey(id)) {
				removed.add(identity(entry));
				addIfFinal(corrected, finalBefore, entry);
			}
		});
		Ranking ranking = Ranking.between(before, after);
		return new ResultDiff(values, removed, changedBuckets(previous, current), droppedBuckets(previous, current),
				List.copyOf(corrected), ranking.entered(), ranking.left(), ranking.moved());
	}

	/**
	 * Entries keyed by what identifies them: bucket and group; a top-K rank is a value.
	 */
	private static Map<String, JsonNode> entries(JsonNode result) {
		Map<String, JsonNode> entries = new LinkedHashMap<>();
		for (JsonNode entry : result.path("values")) {
			entries.put(identity(entry).toString(), entry);
		}
		return entries;
	}

	private static JsonNode identity(JsonNode entry) {
		ObjectNode identity = JsonNodeFactory.instance.objectNode();
		if (entry.has("bucket")) {
			identity.set("bucket", entry.get("bucket"));
		}
		identity.set("group", entry.path("group"));
		return identity;
	}

	private static void addIfFinal(Set<Long> corrected, Set<Long> finalBuckets, @Nullable JsonNode entry) {
		if (entry != null && entry.has("bucket") && finalBuckets.contains(entry.get("bucket").asLong())) {
			corrected.add(entry.get("bucket").asLong());
		}
	}

	private static Set<Long> finalBuckets(JsonNode result) {
		Set<Long> starts = new HashSet<>();
		for (JsonNode bucket : result.path("buckets")) {
			if (bucket.path("final").asBoolean()) {
				starts.add(bucket.path("start").asLong());
			}
		}
		return starts;
	}

	private static List<JsonNode> changedBuckets(JsonNode previous, JsonNode current) {
		Map<Long, Boolean> before = new LinkedHashMap<>();
		for (JsonNode bucket : previous.path("buckets")) {
			before.put(bucket.path("start").asLong(), bucket.path("final").asBoolean());
		}
		List<JsonNode> changed = new ArrayList<>();
		for (JsonNode bucket : current.path("buckets")) {
			Boolean wasFinal = before.get(bucket.path("start").asLong());
			if (wasFinal == null || wasFinal != bucket.path("final").asBoolean()) {
				changed.add(bucket);
			}
		}
		return changed;
	}

	private static List<Long> droppedBuckets(JsonNode previous, JsonNode current) {
		Set<Long> now = new HashSet<>();
		for (JsonNode bucket : current.path("buckets")) {
			now.add(bucket.path("start").asLong());
		}
		List<Long> dropped = new ArrayList<>();
		for (JsonNode bucket : previous.path("buckets")) {
			if (!now.contains(bucket.path("start").asLong())) {
				dropped.add(bucket.path("start").asLong());
			}
		}
		return dropped;
	}

	private record Ranking(List<JsonNode> entered, List<JsonNode> left, List<ResultDiff.RankMove> moved) {

		static Ranking between(Map<String, JsonNode> before, Map<String, JsonNode> after) {
			List<JsonNode> entered = new ArrayList<>();
			List<JsonNode> left = new ArrayList<>();
			List<ResultDiff.RankMove> moved = new ArrayList<>();
			after.forEach((id, entry) -> {
				JsonNode old = before.get(id);
				if (!entry.has("rank")) {
					return;
				}
				if (old == null) {
					entered.add(entry.path("group"));
				}
				else if (old.path("rank").asInt() != entry.path("rank").asInt()) {
					moved.add(new ResultDiff.RankMove(entry.path("group"), old.path("rank").asInt(),
							entry.path("rank").asInt()));
				}
			});
			before.forEach((id, entry) -> {
				if (entry.has("rank") && !after.containsKey(id)) {
					left.add(entry.path("group"));
				}
			});
			return new Ranking(entered, left, moved);
		}

	}

}
