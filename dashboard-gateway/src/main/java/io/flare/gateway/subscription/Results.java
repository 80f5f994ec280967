package io.flare.gateway.subscription;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What of a result is worth a push: its values and which buckets are final, not its
 * freshness metadata (which changes with every evaluation).
 */
final class Results {

	private Results() {
	}

	static JsonNode significant(JsonNode result) {
		ObjectNode significant = JsonNodeFactory.instance.objectNode();
		significant.set("values", result.path("values"));
		var buckets = significant.putArray("buckets");
		for (JsonNode bucket : result.path("buckets")) {
			buckets.addObject()
				.put("start", bucket.path("start").asLong())
				.put("final", bucket.path("final").asBoolean());
		}
		return significant;
	}

	/**
	 * When the first provisional bucket should turn final if the watermark keeps pace
	 * with the clock: its end plus how far the final boundary trails the evaluation.
	 */
	static long nextFinalAt(JsonNode result) {
		JsonNode finalBefore = result.path("finalBefore");
		if (!finalBefore.isNumber()) {
			return Long.MAX_VALUE;
		}
		long trail = result.path("asOf").asLong() - finalBefore.asLong();
		for (JsonNode bucket : result.path("buckets")) {
			if (!bucket.path("final").asBoolean()) {
				return bucket.path("end").asLong() + trail;
			}
		}
		return Long.MAX_VALUE;
	}

}
