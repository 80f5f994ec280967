package io.flare.gateway.push;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client of {@code metrics.subscribe} as the README describes it: holds a result and
 * applies each message to it, checking that every diff applies to the version it holds.
 */
public final class DiffApplier {

	private ObjectNode result = JsonNodeFactory.instance.objectNode();

	private long seq = -1;

	/**
	 * Applies a message.
	 * @param update a snapshot (replaces the result) or a diff (must apply to the version
	 * held)
	 * @throws IllegalStateException when a diff applies to another version
	 */
	public void apply(Update update) {
		if (Update.SNAPSHOT.equals(update.type())) {
			this.result = ((ObjectNode) update.result()).deepCopy();
			this.seq = update.seq();
			return;
		}
		if (update.baseSeq() == null || update.baseSeq() != this.seq || update.changes() == null) {
			throw new IllegalStateException("diff " + update.seq() + " applies to " + update.baseSeq() + " but version "
					+ this.seq + " is held");
		}
		ResultDiff changes = update.changes();
		Map<String, JsonNode> values = new TreeMap<>();
		this.result.path("values").forEach((entry) -> values.put(identity(entry), entry));
		changes.removed().forEach((entry) -> values.remove(identity(entry)));
		changes.values().forEach((entry) -> values.put(identity(entry), entry));
		Map<Long, JsonNode> buckets = new TreeMap<>();
		this.result.path("buckets").forEach((bucket) -> buckets.put(bucket.path("start").asLong(), bucket));
		changes.droppedBuckets().forEach(buckets::remove);
		changes.buckets().forEach((bucket) -> buckets.put(bucket.path("start").asLong(), bucket));
		ObjectNode next = ((ObjectNode) update.result()).deepCopy();
		next.putArray("values").addAll(List.copyOf(values.values()));
		next.putArray("buckets").addAll(List.copyOf(buckets.values()));
		this.result = next;
		this.seq = update.seq();
	}

	/**
	 * The version held.
	 * @return its sequence number, {@code -1} before the first snapshot
	 */
	public long seq() {
		return this.seq;
	}

	/**
	 * The result held.
	 * @return the result
	 */
	public JsonNode result() {
		return this.result;
	}

	/**
	 * What two results must agree on: values (whatever their order) and which buckets are
	 * final.
	 * @param result a result
	 * @return its significant part
	 */
	public static JsonNode significant(JsonNode result) {
		ObjectNode significant = JsonNodeFactory.instance.objectNode();
		ArrayNode values = significant.putArray("values");
		List<JsonNode> sorted = new java.util.ArrayList<>();
		result.path("values").forEach(sorted::add);
		sorted.sort(Comparator.comparing(DiffApplier::identity));
		values.addAll(sorted);
		ArrayNode buckets = significant.putArray("buckets");
		result.path("buckets")
			.forEach((bucket) -> buckets.addObject()
				.put("start", bucket.path("start").asLong())
				.put("final", bucket.path("final").asBoolean()));
		return significant;
	}

	/**
	 * The sum of the values, for a count.
	 * @param result a result
	 * @return the sum
	 */
	public static double total(JsonNode result) {
		double total = 0;
		for (JsonNode entry : result.path("values")) {
			total += entry.path("value").asDouble();
		}
		return total;
	}

	private static String identity(JsonNode entry) {
		return entry.path("bucket").asString("") + "/" + entry.path("group");
	}

}
