/**
 * Encoding of generated events as JSON objects, NDJSON and JSON-array batches.
 */
@NullMarked
package io.flare.simulator.json;

import org.jspecify.annotations.NullMarked;
