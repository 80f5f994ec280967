package io.flare.benchmarks.query;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.benchmarks.pinot.EventLoader;
import io.flare.benchmarks.pinot.EventTimeline;
import io.flare.benchmarks.pinot.Producers;
import io.flare.benchmarks.support.Progress;
import io.flare.infra.testing.PinotBroker;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The data the metrics read: the stack's own {@code events} table (fed by the
 * {@code events} topic), holding at least the asked number of events in the last hour,
 * the largest window of the example metrics. Loads realistic simulator events stamped
 * over the {@link #LOAD_WINDOW} before now, unless the table already holds enough and
 * reuse was asked for.
 */
final class EventsData {

	static final String TABLE = "events";

	static final String TOPIC = "events";

	/**
	 * Shorter than the hour the metrics read, so the loaded events stay in their window
	 * for the twenty minutes after loading that the plain table's catch-up, the settling
	 * and the measurements take.
	 */
	static final Duration LOAD_WINDOW = Duration.ofMinutes(40);

	private static final long POLL_MILLIS = 1_000;

	private final PinotBroker broker;

	private final String bootstrap;

	private final PrintStream out;

	EventsData(PinotBroker broker, String bootstrap, PrintStream out) {
		this.broker = broker;
		this.bootstrap = bootstrap;
		this.out = out;
	}

	/**
	 * What the table holds now: all rows, and the rows, first and last event time in the
	 * last hour (by {@code bucket1m}, as the metrics filter).
	 */
	Map<String, Object> census(long nowMillis) {
		long from = lastHourStart(nowMillis);
		JsonNode row = this.broker
			.query("SELECT COUNT(*), MIN(eventTime), MAX(eventTime) FROM " + TABLE + " WHERE bucket1m >= " + from)
			.path("resultTable")
			.path("rows")
			.path(0);
		Map<String, Object> census = new LinkedHashMap<>();
		census.put("at", nowMillis);
		census.put("totalRows", this.broker.queryLong("SELECT COUNT(*) FROM " + TABLE));
		census.put("lastHourFrom", from);
		census.put("rowsInLastHour", row.path(0).asLong());
		if (row.path(0).asLong() > 0) {
			census.put("firstEventTimeInLastHour", row.path(1).asLong());
			census.put("lastEventTimeInLastHour", row.path(2).asLong());
		}
		return census;
	}

	/**
	 * Produces {@code count} events to the {@code events} topic, stamped evenly over
	 * {@link #LOAD_WINDOW} before now, and waits until Pinot shows them all.
	 * @return what was produced and how long ingestion took
	 */
	Map<String, Object> load(long count, long seed, Duration timeout) {
		long before = this.broker.queryLong("SELECT COUNT(*) FROM " + TABLE);
		long now = System.currentTimeMillis();
		EventLoader.ProduceResult produced;
		long started = System.nanoTime();
		try (KafkaProducer<String, byte[]> producer = Producers.bulk(this.bootstrap)) {
			produced = new EventLoader(producer, TOPIC, this.out).produce(count, seed,
					new EventTimeline(now, LOAD_WINDOW.toMillis(), count));
		}
		this.out.printf("    produced %,d events in %.1f s; waiting for %s to show %,d rows (had %,d)%n", count,
				produced.seconds(), TABLE, before + count, before);
		awaitRows("SELECT COUNT(*) FROM " + TABLE, before + count, started, timeout);
		Map<String, Object> load = new LinkedHashMap<>();
		load.put("produced", produced);
		load.put("rowsBefore", before);
		load.put("secondsUntilAllVisible", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
		return load;
	}

	/**
	 * Polls a count until it reaches {@code expected} or {@code timeout} (from
	 * {@code startedNanos}) passes.
	 */
	void awaitRows(String countSql, long expected, long startedNanos, Duration timeout) {
		Progress progress = new Progress(this.out, Duration.ofSeconds(5));
		long rows = 0;
		String lastError = "none";
		while (rows < expected) {
			try {
				rows = this.broker.queryLong(countSql);
			}
			catch (IllegalStateException ex) {
				// a table created a moment ago may not be routable yet
				lastError = ex.getMessage();
			}
			if (rows >= expected) {
				return;
			}
			if (System.nanoTime() - startedNanos > timeout.toNanos()) {
				throw new BenchmarkException(String.format("%s counted %,d of %,d rows within %s; last error: %s",
						countSql, rows, expected, timeout, lastError));
			}
			progress.maybe(String.format("%,d/%,d rows visible", rows, expected));
			sleep();
		}
	}

	/** The start of the last hour as the metrics' 1-minute buckets see it. */
	static long lastHourStart(long nowMillis) {
		long minute = 60_000;
		return nowMillis / minute * minute - Duration.ofHours(1).toMillis() + minute;
	}

	private static void sleep() {
		try {
			Thread.sleep(POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted while waiting for rows", ex);
		}
	}

}
