/**
 * The HTTP API: {@code POST /v1/events}, {@code GET /v1/hot-keys}, and the translation of
 * every error into one problem+json answer.
 */
@NullMarked
package io.flare.ingest.api;

import org.jspecify.annotations.NullMarked;
