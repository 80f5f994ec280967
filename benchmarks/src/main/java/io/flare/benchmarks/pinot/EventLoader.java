package io.flare.benchmarks.pinot;

import java.io.PrintStream;
import java.time.Duration;

import io.flare.benchmarks.support.Progress;
import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.generate.GeneratorProperties;
import io.flare.simulator.json.EventJsonEncoder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces the benchmark's events to its topic as fast as the producer goes: realistic
 * events (2% late, 5% out of order, no duplicates, so every table must end with exactly
 * as many rows as events were sent), keyed by eventId, their event times spread evenly
 * over the window before the run started.
 */
public final class EventLoader {

	private final KafkaProducer<String, byte[]> producer;

	private final String topic;

	private final PrintStream out;

	public EventLoader(KafkaProducer<String, byte[]> producer, String topic, PrintStream out) {
		this.producer = producer;
		this.topic = topic;
		this.out = out;
	}

	public ProduceResult produce(long count, long seed, EventTimeline timeline) {
		SteppedClock clock = new SteppedClock();
		EventGenerator generator = new EventGenerator(realistic(seed), clock);
		EventJsonEncoder encoder = new EventJsonEncoder();
		SendTally tally = new SendTally();
		Progress progress = new Progress(this.out, Duration.ofSeconds(5));
		long bytes = 0;
		long firstEventTime = Long.MAX_VALUE;
		long lastEventTime = Long.MIN_VALUE;
		long started = System.nanoTime();
		for (long i = 0; i < count; i++) {
			clock.set(timeline.at(i));
			GeneratedEvent event = generator.next();
			byte[] json = encoder.encode(event);
			bytes += json.length + event.eventId().length();
			firstEventTime = Math.min(firstEventTime, event.eventTime());
			lastEventTime = Math.max(lastEventTime, event.eventTime());
			this.producer.send(new ProducerRecord<>(this.topic, event.eventId(), json), tally);
			if ((i & 1023) == 0) {
				tally.requireNoFailures("event");
				progress.maybe(String.format("produced %,d/%,d (%,.0f events/s acknowledged)", i, count,
						tally.acked() / seconds(started)));
			}
		}
		this.producer.flush();
		double seconds = seconds(started);
		tally.requireNoFailures("event");
		if (tally.acked() != count) {
			throw new BenchmarkException("Kafka acknowledged " + tally.acked() + " of " + count + " events");
		}
		return new ProduceResult(count, bytes, round(seconds), Math.round(count / seconds),
				round(bytes / seconds / 1_000_000), firstEventTime, lastEventTime);
	}

	/** The simulator's defaults with 2% late, 5% out of order and no duplicates. */
	static GeneratorProperties realistic(long seed) {
		return GeneratorProperties.defaults(seed).withFractions(0.02, 0.05, 0);
	}

	static double seconds(long startedNanos) {
		return Math.max(System.nanoTime() - startedNanos, 1) / 1e9;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/**
	 * What the produce phase achieved: the raw-producer ceiling of this machine.
	 *
	 * @param events events acknowledged by Kafka
	 * @param bytes key and JSON value bytes, before compression
	 * @param seconds from the first send to the last acknowledgement
	 * @param eventsPerSecond events / seconds
	 * @param megabytesPerSecond bytes / seconds / 10^6
	 * @param firstEventTime the smallest event time, epoch millis
	 * @param lastEventTime the largest event time, epoch millis
	 */
	public record ProduceResult(long events, long bytes, double seconds, long eventsPerSecond,
			double megabytesPerSecond, long firstEventTime, long lastEventTime) {
	}

}
