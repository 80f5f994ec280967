package io.flare.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.flare.ingest.validation.RejectCode;

/**
 * The ingest counters: events accepted per path and source, rejected per path, source and
 * reason, and requests refused by backpressure per reason. Counters are cached, so
 * recording costs a map lookup.
 */
public final class IngestMetrics {

	/** The {@code path} tag of events that came over HTTP. */
	public static final String HTTP = "http";

	/** The {@code path} tag of events relayed from the raw Kafka topic. */
	public static final String KAFKA = "kafka";

	/** The {@code source} tag when the source is unknown or not trusted. */
	public static final String UNKNOWN_SOURCE = "unknown";

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	public IngestMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void accepted(String path, String source, int count) {
		counter("flare.ingest.events.accepted", "Events acknowledged by Kafka", "path", path, "source", source)
			.increment(count);
	}

	public void rejected(String path, String source, RejectCode reason, int count) {
		counter("flare.ingest.events.rejected", "Events rejected by validation or authorisation", "path", path,
				"source", source, "reason", reason.tag())
			.increment(count);
	}

	/**
	 * A request refused before its events were looked at.
	 * @param reason e.g. {@code in_flight}, {@code rate_limit}, {@code body_too_large},
	 * {@code kafka_unavailable}
	 */
	public void refused(String reason) {
		counter("flare.ingest.backpressure", "Requests refused with 413, 429 or 503", "reason", reason).increment();
	}

	private Counter counter(String name, String description, String... tags) {
		String key = name + String.join("|", tags);
		Counter counter = this.counters.get(key);
		if (counter == null) {
			counter = this.counters.computeIfAbsent(key,
					(k) -> Counter.builder(name).description(description).tags(tags).register(this.registry));
		}
		return counter;
	}

}
