package io.flare.benchmarks.gateway;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.generate.GeneratorProperties;

/**
 * Realistic events from the simulator's generator (its four feeds, event times now),
 * posted to ingest at a steady rate in ten batches a second (open loop: a batch is sent
 * on time whether or not the previous ones were answered, at most 32 in flight). Every
 * event is re-labelled with the run's own source and an id prefix, so the run's events
 * are told apart from everything else in the shared {@code events} table.
 */
final class BackgroundLoad implements AutoCloseable {

	private static final int TICKS_PER_SECOND = 10;

	private final EventGenerator generator = new EventGenerator(GeneratorProperties.defaults(42),
			InstantSource.system());

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "background-load");
		thread.setDaemon(true);
		return thread;
	});

	private final Semaphore inFlight = new Semaphore(32);

	private final EventPoster poster;

	private final String source;

	private final String idPrefix;

	private final int perTick;

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong skipped = new AtomicLong();

	private long startNanos;

	private boolean started;

	BackgroundLoad(EventPoster poster, String source, String idPrefix, int eventsPerSecond) {
		this.poster = poster;
		this.source = source;
		this.idPrefix = idPrefix;
		this.perTick = Math.max(1, eventsPerSecond / TICKS_PER_SECOND);
	}

	void start() {
		this.startNanos = System.nanoTime();
		this.started = true;
		this.ticker.scheduleAtFixedRate(this::tick, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
	}

	private void tick() {
		List<GeneratedEvent> batch = new ArrayList<>(this.perTick);
		for (GeneratedEvent event : this.generator.next(this.perTick)) {
			batch.add(new GeneratedEvent(this.idPrefix + event.eventId(), this.source, event.category(), event.type(),
					event.entityId(), event.eventTime(), event.location(), event.value(), event.attributes()));
		}
		if (!this.inFlight.tryAcquire()) {
			// ingest is behind: the batch is not sent, and the achieved rate shows it
			this.skipped.addAndGet(batch.size());
			return;
		}
		this.sent.addAndGet(batch.size());
		this.poster.postAsync(batch).whenComplete((n, ex) -> {
			this.inFlight.release();
			this.accepted.addAndGet((n != null) ? n : 0);
		});
	}

	/** Events accepted by ingest so far. */
	long accepted() {
		return this.accepted.get();
	}

	/**
	 * What the load achieved so far.
	 * @param asked the rate asked for
	 * @return a summary
	 */
	Summary summary(int asked) {
		if (!this.started) {
			return new Summary(asked, 0, 0, 0, 0, 0);
		}
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		return new Summary(asked, Math.round(this.accepted.get() / seconds), this.sent.get(), this.accepted.get(),
				this.skipped.get(), Math.round(seconds));
	}

	@Override
	public void close() {
		this.ticker.shutdownNow();
	}

	/**
	 * The background load of a run.
	 *
	 * @param askedEventsPerSecond the rate asked for
	 * @param acceptedEventsPerSecond what ingest accepted, on average since the start
	 * @param sent events sent
	 * @param accepted events accepted
	 * @param skipped events not sent because 32 batches were already waiting for ingest
	 * @param seconds how long it ran
	 */
	record Summary(int askedEventsPerSecond, long acceptedEventsPerSecond, long sent, long accepted, long skipped,
			long seconds) {
	}

}
