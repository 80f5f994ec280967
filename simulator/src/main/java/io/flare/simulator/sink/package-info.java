/**
 * Destinations for event batches: Kafka, the HTTP ingest API, or nowhere.
 */
@NullMarked
package io.flare.simulator.sink;

import org.jspecify.annotations.NullMarked;
