package io.flare.simulator.cli;

/**
 * The destinations the command line can choose.
 */
public enum SinkKind {

	/** Produce to a Kafka topic. */
	KAFKA,

	/** Post NDJSON batches to the ingest API. */
	HTTP,

	/** Encode and drop: measures the generator alone. */
	DISCARD

}
