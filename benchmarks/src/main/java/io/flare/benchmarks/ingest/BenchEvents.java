package io.flare.benchmarks.ingest;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.generate.GeneratorProperties;
import io.flare.simulator.json.EventJsonEncoder;

/**
 * Realistic simulator events encoded as NDJSON batches, generated a batch at a time (a
 * million events are kept only as bytes), optionally rewritten (source, entity, id).
 */
final class BenchEvents {

	private BenchEvents() {
	}

	/**
	 * {@code batches} batches of {@code batchSize} events, each passed through
	 * {@code rewrite}.
	 */
	static List<byte[]> batches(long seed, int batches, int batchSize, UnaryOperator<GeneratedEvent> rewrite) {
		EventGenerator generator = new EventGenerator(GeneratorProperties.defaults(seed), InstantSource.system());
		EventJsonEncoder encoder = new EventJsonEncoder();
		List<byte[]> encoded = new ArrayList<>(batches);
		for (int i = 0; i < batches; i++) {
			encoded.add(encoder.encodeNdjson(generator.next(batchSize).stream().map(rewrite).toList()));
		}
		return encoded;
	}

	/** The event with another source and an id made unique by {@code idPrefix}. */
	static GeneratedEvent fromSource(GeneratedEvent event, String source, String idPrefix) {
		return new GeneratedEvent(idPrefix + event.eventId(), source, event.category(), event.type(), event.entityId(),
				event.eventTime(), event.location(), event.value(), event.attributes());
	}

	/** The event as one more on a single viral entity of the news category. */
	static GeneratedEvent viral(GeneratedEvent event, String source, String entityId, String idPrefix) {
		return new GeneratedEvent(idPrefix + event.eventId(), source, "news", "share", entityId, event.eventTime(),
				event.location(), event.value(), event.attributes());
	}

}
