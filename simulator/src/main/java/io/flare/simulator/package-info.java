/**
 * Command-line entry point that streams simulated events into Kafka or the ingest API.
 */
@NullMarked
package io.flare.simulator;

import org.jspecify.annotations.NullMarked;
