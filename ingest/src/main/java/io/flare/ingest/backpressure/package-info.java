/**
 * Backpressure: bounds on the events and bytes in flight, and per-source rate limits,
 * each telling a refused caller when to retry.
 */
@NullMarked
package io.flare.ingest.backpressure;

import org.jspecify.annotations.NullMarked;
