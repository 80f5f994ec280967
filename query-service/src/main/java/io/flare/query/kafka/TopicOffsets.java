package io.flare.query.kafka;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The end (next-to-be-written) offset of each partition of a topic.
 */
public interface TopicOffsets {

	/** The end offsets of {@code topic} by partition. */
	Mono<Map<Integer, Long>> endOffsets(String topic);

}
