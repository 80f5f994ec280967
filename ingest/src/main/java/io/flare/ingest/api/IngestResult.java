package io.flare.ingest.api;

import java.util.List;

/**
 * The answer to a batch.
 *
 * @param accepted how many events Kafka acknowledged
 * @param rejected how many events were rejected
 * @param ids the ids of the accepted events, in batch order (derived ids included)
 * @param errors why each rejected event was rejected
 */
public record IngestResult(int accepted, int rejected, List<String> ids, List<EventError> errors) {

}
