package io.flare.simulator.sink;

import java.util.List;

import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.json.EventJsonEncoder;

/**
 * Encodes each batch as NDJSON and drops it: measures the generator and the encoder
 * alone.
 */
final class DiscardEventSink implements EventSink {

	private final EventJsonEncoder encoder = new EventJsonEncoder();

	private final SinkCounters counters = new SinkCounters();

	private long bytes;

	@Override
	public void send(List<GeneratedEvent> batch) {
		this.counters.sent(batch.size());
		this.bytes += this.encoder.encodeNdjson(batch).length;
		this.counters.acknowledged(batch.size());
	}

	long bytes() {
		return this.bytes;
	}

	@Override
	public SinkStats stats() {
		return this.counters.snapshot();
	}

	@Override
	public void close() {
	}

}
