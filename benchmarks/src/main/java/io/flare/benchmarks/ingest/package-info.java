/**
 * The ingest benchmark: HTTP batches at full speed against a real ingest service, and the
 * raw Kafka producer's ceiling on the same events in the same run.
 */
@NullMarked
package io.flare.benchmarks.ingest;

import org.jspecify.annotations.NullMarked;
