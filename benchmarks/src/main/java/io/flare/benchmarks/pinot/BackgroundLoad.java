package io.flare.benchmarks.pinot;

import java.time.Duration;
import java.time.InstantSource;

import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.json.EventJsonEncoder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Realistic events at a steady rate on a thread of its own, stamped with the current
 * time, until closed or until its time bound passes (so a stuck run cannot load the
 * machine forever).
 */
public final class BackgroundLoad implements AutoCloseable {

	private static final long TICK_MILLIS = 5;

	private final String bootstrap;

	private final String topic;

	private final int perSecond;

	private final long seed;

	private final Duration bound;

	private final SendTally tally = new SendTally();

	private final Thread thread;

	private volatile boolean stopped;

	private volatile long sent;

	private volatile double seconds;

	private BackgroundLoad(String bootstrap, String topic, int perSecond, long seed, Duration bound) {
		this.bootstrap = bootstrap;
		this.topic = topic;
		this.perSecond = perSecond;
		this.seed = seed;
		this.bound = bound;
		this.thread = new Thread(this::run, "bench-background-load");
		this.thread.setDaemon(true);
	}

	public static BackgroundLoad start(String bootstrap, String topic, int perSecond, long seed, Duration bound) {
		BackgroundLoad load = new BackgroundLoad(bootstrap, topic, perSecond, seed, bound);
		load.thread.start();
		return load;
	}

	private void run() {
		EventGenerator generator = new EventGenerator(EventLoader.realistic(this.seed), InstantSource.system());
		EventJsonEncoder encoder = new EventJsonEncoder();
		long started = System.nanoTime();
		try (KafkaProducer<String, byte[]> producer = Producers.bulk(this.bootstrap)) {
			while (!this.stopped && EventLoader.seconds(started) < this.bound.toSeconds()) {
				long due = (long) (EventLoader.seconds(started) * this.perSecond);
				for (long n = this.sent; n < due; n++) {
					GeneratedEvent event = generator.next();
					producer.send(new ProducerRecord<>(this.topic, event.eventId(), encoder.encode(event)), this.tally);
					this.sent = n + 1;
				}
				Thread.sleep(TICK_MILLIS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.seconds = EventLoader.seconds(started);
	}

	/**
	 * The rate actually sent, once closed.
	 * @return events per second
	 */
	public long achievedPerSecond() {
		return (this.seconds > 0) ? Math.round(this.sent / this.seconds) : 0;
	}

	/** Sends that failed. */
	public long failed() {
		return this.tally.failed();
	}

	/** Stops sending and waits for the producer to flush and close. */
	@Override
	public void close() {
		this.stopped = true;
		try {
			this.thread.join(Duration.ofSeconds(60).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
