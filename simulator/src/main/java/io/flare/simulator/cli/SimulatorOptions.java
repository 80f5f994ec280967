package io.flare.simulator.cli;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.flare.simulator.generate.GeneratorProperties;
import io.flare.simulator.run.RunLimits;

/**
 * A parsed, valid command line.
 *
 * @param help true when the user asked for the usage text (nothing else is meaningful)
 * @param sink where events go
 * @param bootstrapServers Kafka bootstrap servers
 * @param topic Kafka topic
 * @param url ingest endpoint
 * @param apiKey API key for the ingest endpoint, if any
 * @param inFlight batches the HTTP sink may have posted and not yet had answered
 * @param eventsPerSecond target rate, 0 for as fast as possible
 * @param limits when to stop
 * @param batchSize events per batch
 * @param generator how events are generated, including the seed
 */
public record SimulatorOptions(boolean help, SinkKind sink, String bootstrapServers, String topic, URI url,
		@Nullable String apiKey, int inFlight, double eventsPerSecond, RunLimits limits, int batchSize,
		GeneratorProperties generator) {

}
