package io.flare.ingest.api;

import org.jspecify.annotations.Nullable;

/**
 * Why one event of a batch was rejected; an event with several problems has one error
 * each.
 *
 * @param index the event's position in the batch, from 0 (NDJSON: blank lines are not
 * counted)
 * @param eventId the event's own id when it had a readable one, else {@code null}
 * @param field the JSON path of the offending field, or {@code $} for the whole event
 * @param code the machine-readable reason, e.g. {@code too_old}
 * @param reason the human-readable reason
 */
public record EventError(int index, @Nullable String eventId, String field, String code, String reason) {

}
