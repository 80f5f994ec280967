package io.flare.ingest.validation;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One element of a batch as read: its JSON, or why it could not be read (an NDJSON line
 * that is not JSON).
 *
 * @param node the parsed element, or {@code null}
 * @param error why it could not be parsed, or {@code null}
 */
public record BatchItem(@Nullable JsonNode node, @Nullable FieldError error) {

}
