package io.flare.gateway.changes;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Reads Pinot's ingestion progress at a short interval, only while events wait to become
 * queryable, and hands it to the listener; an unreadable controller hands over an unknown
 * progress, so waiting events are released after the fallback delay.
 */
public final class ProgressPoller {

	private static final Logger LOGGER = LoggerFactory.getLogger(ProgressPoller.class);

	private final IngestionProgress progress;

	private final EventListener listener;

	private final ChangesProperties properties;

	private final Scheduler scheduler;

	private final LongAdder reads = new LongAdder();

	private final LongAdder failures = new LongAdder();

	public ProgressPoller(IngestionProgress progress, EventListener listener, ChangesProperties properties,
			Scheduler scheduler) {
		this.progress = progress;
		this.listener = listener;
		this.properties = properties;
		this.scheduler = scheduler;
	}

	/**
	 * Polls until the returned handle is disposed.
	 * @return the handle
	 */
	public Disposable start() {
		Duration interval = this.properties.progressInterval();
		return Flux.interval(interval, this.scheduler)
			.onBackpressureDrop()
			.filter((ignored) -> this.listener.hasPending())
			.concatMap((ignored) -> read(), 1)
			.subscribe((consumed) -> this.listener.onProgress(new IngestionState(consumed.orElse(null),
					this.properties.fallbackDelay(), this.properties.maxWait())));
	}

	/**
	 * How many times Pinot's progress was read since start.
	 * @return the count
	 */
	public long reads() {
		return this.reads.sum();
	}

	/**
	 * How many of those reads failed (the fallback delay applied).
	 * @return the count
	 */
	public long failures() {
		return this.failures.sum();
	}

	private Mono<Optional<Map<Integer, Long>>> read() {
		this.reads.increment();
		return Mono.defer(this.progress::consumedOffsets)
			.timeout(this.properties.pinot().timeout(), this.scheduler)
			.map(Optional::of)
			.onErrorResume((ex) -> {
				this.failures.increment();
				LOGGER.debug("Cannot read Pinot's ingestion progress: {}", ex.toString());
				return Mono.just(Optional.empty());
			});
	}

}
