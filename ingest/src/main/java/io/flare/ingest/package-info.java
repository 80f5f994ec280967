/**
 * The Flare ingest service, which validates, normalises and publishes events to Kafka.
 */
@NullMarked
package io.flare.ingest;

import org.jspecify.annotations.NullMarked;
