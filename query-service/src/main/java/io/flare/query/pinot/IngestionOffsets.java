package io.flare.query.pinot;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * How far Pinot has consumed each stream partition of a table.
 */
public interface IngestionOffsets {

	/**
	 * The next offset Pinot will consume, per partition, from the table's consuming
	 * segments.
	 */
	Mono<Map<Integer, Long>> consumingOffsets(String table);

}
