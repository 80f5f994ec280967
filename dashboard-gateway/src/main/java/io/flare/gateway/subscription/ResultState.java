package io.flare.gateway.subscription;

import tools.jackson.databind.JsonNode;

/**
 * One version of a shared evaluation's result.
 *
 * @param seq the version: 1 for the first result, one more for each change
 * @param result the result as the query service answered it
 */
public record ResultState(long seq, JsonNode result) {

}
