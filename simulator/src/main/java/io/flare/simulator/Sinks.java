package io.flare.simulator;

import io.flare.simulator.cli.SimulatorOptions;
import io.flare.simulator.sink.EventSink;
import io.flare.simulator.sink.EventSinks;
import io.flare.simulator.sink.HttpSinkProperties;
import io.flare.simulator.sink.KafkaSinkProperties;

/**
 * Opens the sink the command line chose.
 */
final class Sinks {

	private Sinks() {
	}

	static EventSink open(SimulatorOptions options) {
		return switch (options.sink()) {
			case KAFKA -> EventSinks.kafka(new KafkaSinkProperties(options.bootstrapServers(), options.topic()));
			case HTTP -> EventSinks
				.http(HttpSinkProperties.of(options.url(), options.apiKey()).withInFlight(options.inFlight()));
			case DISCARD -> EventSinks.discard();
		};
	}

	static String describe(SimulatorOptions options) {
		return switch (options.sink()) {
			case KAFKA -> "sink=kafka bootstrap=" + options.bootstrapServers() + " topic=" + options.topic();
			case HTTP -> "sink=http url=" + options.url() + ((options.apiKey() != null) ? " (with API key)" : "");
			case DISCARD -> "sink=discard";
		};
	}

}
