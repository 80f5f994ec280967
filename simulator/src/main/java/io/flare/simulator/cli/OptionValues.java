package io.flare.simulator.cli;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.flare.simulator.generate.GeneratorProperties;

/**
 * The options as they are being read, starting from the defaults.
 */
final class OptionValues {

	boolean help;

	SinkKind sink = SinkKind.KAFKA;

	String bootstrap = "127.0.0.1:9092";

	String topic = "events";

	URI url = URI.create("http://127.0.0.1:8081/v1/events");

	@Nullable String apiKey;

	int inFlight = 2;

	double rate = 1000;

	@Nullable Long count;

	@Nullable Duration duration;

	boolean forever;

	@Nullable Long seed;

	int batch = 500;

	int entities = GeneratorProperties.DEFAULT_ENTITY_COUNT;

	double zipf = GeneratorProperties.DEFAULT_ZIPF_EXPONENT;

	double lateFraction = 0.02;

	Duration maxLateness = GeneratorProperties.DEFAULT_MAX_LATENESS;

	double outOfOrderFraction = 0.05;

	double duplicateFraction = 0.01;

}
