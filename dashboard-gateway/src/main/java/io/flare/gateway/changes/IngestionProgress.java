package io.flare.gateway.changes;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * How far Pinot has ingested the events topic.
 */
public interface IngestionProgress {

	/**
	 * The next offset Pinot will consume, per partition of the topic, from the table's
	 * consuming segments (the smallest over replicas).
	 * @return the offsets; an error when they cannot be read
	 */
	Mono<Map<Integer, Long>> consumedOffsets();

}
