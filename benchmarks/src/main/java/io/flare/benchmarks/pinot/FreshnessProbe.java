package io.flare.benchmarks.pinot;

import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;

import io.flare.benchmarks.support.LatencySummary;
import io.flare.benchmarks.support.Percentiles;
import io.flare.benchmarks.support.Progress;
import io.flare.infra.testing.PinotBroker;
import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.json.EventJsonEncoder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * Measures freshness: produces one new event at a time, stamped now, and polls the table
 * every 10 ms until a query sees it.
 */
final class FreshnessProbe {

	private static final long POLL_MILLIS = 10;

	private static final long PROBE_TIMEOUT_MILLIS = 30_000;

	private static final long GAP_MILLIS = 100;

	private static final String PROBE_SQL = "SELECT COUNT(*) FROM %s WHERE eventId = '%s' AND eventTime >= %s";

	private final PinotBroker broker;

	private final String bootstrap;

	private final String topic;

	private final String table;

	private final PrintStream out;

	FreshnessProbe(PinotBroker broker, String bootstrap, String topic, String table, PrintStream out) {
		this.broker = broker;
		this.bootstrap = bootstrap;
		this.topic = topic;
		this.table = table;
		this.out = out;
	}

	/**
	 * The query a probe polls with. The time filter lets servers skip every sealed
	 * segment by its time range, so a poll reads only the live edge instead of scanning
	 * all the table's eventIds (which have no dictionary or index).
	 */
	static String probeSql(String table, String eventId, long eventTime) {
		return String.format(PROBE_SQL, table, eventId, eventTime);
	}

	/** The probe query's shape, for the results file. */
	static String probeSqlShape(String table) {
		return String.format(PROBE_SQL, table, "<id>", "<its eventTime>");
	}

	/**
	 * One round of probes.
	 * @param label names the round's event ids, e.g. {@code idle}
	 * @param probes how many
	 * @param seed the template events' seed
	 * @param idPrefix makes the probes' event ids unique to the run
	 * @return the produced→visible latencies
	 */
	Round run(String label, int probes, long seed, String idPrefix) {
		EventGenerator templates = new EventGenerator(EventLoader.realistic(seed), InstantSource.system());
		EventJsonEncoder encoder = new EventJsonEncoder();
		double[] latencies = new double[probes];
		int visible = 0;
		Progress progress = new Progress(this.out, Duration.ofSeconds(5));
		try (KafkaProducer<String, byte[]> producer = Producers.probe(this.bootstrap)) {
			for (int i = 0; i < probes; i++) {
				GeneratedEvent event = stamped(templates.next(), idPrefix + "-" + label + "-" + i);
				SendTally tally = new SendTally();
				long sent = System.nanoTime();
				producer.send(new ProducerRecord<>(this.topic, event.eventId(), encoder.encode(event)), tally);
				double millis = awaitVisible(probeSql(this.table, event.eventId(), event.eventTime()), sent);
				tally.requireNoFailures("probe");
				if (millis >= 0) {
					latencies[visible++] = millis;
				}
				progress.maybe(String.format("%s: probe %d/%d", label, i + 1, probes));
				pause(GAP_MILLIS);
			}
		}
		@Nullable LatencySummary summary = (visible > 0) ? Percentiles.summarize(Arrays.copyOf(latencies, visible)) : null;
		return new Round(probes, visible, probes - visible, summary);
	}

	/** Milliseconds from the send to the first poll that saw the event, or -1. */
	private double awaitVisible(String sql, long sentNanos) {
		for (long poll = 1; poll * POLL_MILLIS <= PROBE_TIMEOUT_MILLIS; poll++) {
			if (this.broker.queryLong(sql) > 0) {
				return (System.nanoTime() - sentNanos) / 1e6;
			}
			pause(poll * POLL_MILLIS - (System.nanoTime() - sentNanos) / 1_000_000);
		}
		return -1;
	}

	private static GeneratedEvent stamped(GeneratedEvent template, String eventId) {
		return new GeneratedEvent(eventId, template.source(), template.category(), template.type(), template.entityId(),
				System.currentTimeMillis(), template.location(), template.value(), template.attributes());
	}

	private static void pause(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted while probing freshness", ex);
		}
	}

	/**
	 * One round's figures.
	 *
	 * @param probes probes sent
	 * @param visible probes that became visible within 30 s
	 * @param timedOut probes that did not
	 * @param latencyMs produced→visible of the visible ones, milliseconds (the send call
	 * to the first poll that counted it; polls every 10 ms), or {@code null} if none
	 */
	record Round(int probes, int visible, int timedOut, @Nullable LatencySummary latencyMs) {
	}

}
