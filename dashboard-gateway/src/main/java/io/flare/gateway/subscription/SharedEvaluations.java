package io.flare.gateway.subscription;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

import io.flare.gateway.changes.EventBatch;
import io.flare.gateway.changes.EventListener;
import io.flare.gateway.changes.IngestionState;
import io.flare.gateway.changes.MetricScope;
import io.flare.gateway.changes.ObservedEvent;
import io.flare.gateway.query.MetricResultSource;
import io.flare.gateway.query.QueryServiceException;

/**
 * One evaluation per distinct query however many subscribe to it. An evaluation runs when
 * its query is dirty — an event it can see became queryable in Pinot (and for a settling
 * period after), its window slid past a bucket boundary, or a provisional bucket is due
 * to turn final — at most once per tick; a new state is published only when values or
 * final buckets changed.
 */
public final class SharedEvaluations implements EventListener {

	private static final Logger LOGGER = LoggerFactory.getLogger(SharedEvaluations.class);

	private final MetricResultSource source;

	private final EvaluationProperties properties;

	private final Scheduler scheduler;

	private final Map<SubscriptionKey, Evaluation> evaluations = new ConcurrentHashMap<>();

	private final LongAdder evaluated = new LongAdder();

	private final LongAdder published = new LongAdder();

	/**
	 * Ticks out of turn: events became queryable. A wake-up that cannot be emitted
	 * (another thread is emitting one) is not needed.
	 */
	private final Sinks.Many<Long> wakeups = Sinks.many().multicast().directBestEffort();

	public SharedEvaluations(MetricResultSource source, EvaluationProperties properties, Scheduler scheduler) {
		this.source = source;
		this.properties = properties;
		this.scheduler = scheduler;
	}

	/**
	 * Re-evaluates due queries once per tick, and at once when Pinot made events
	 * queryable that a query waited for, until the returned handle is disposed.
	 * @return the handle
	 */
	public Disposable start() {
		return Flux.merge(Flux.interval(this.properties.tick(), this.scheduler), this.wakeups.asFlux())
			.onBackpressureLatest()
			.concatMap((ignored) -> tick(), 1)
			.subscribe();
	}

	/**
	 * The states of a query's shared evaluation: the latest one at once (when there is
	 * one), then each change. The evaluation starts with its first subscriber and stops
	 * with its last.
	 * @param key the query
	 * @return the states
	 */
	public Flux<ResultState> states(SubscriptionKey key) {
		return Flux.defer(() -> {
			Evaluation evaluation = this.evaluations.compute(key, (k, existing) -> {
				Evaluation current = (existing != null) ? existing : new Evaluation(k);
				synchronized (current) {
					current.subscribers++;
				}
				return current;
			});
			if (evaluation.subscribers == 1 && evaluation.due(now())) {
				evaluate(evaluation).subscribe();
			}
			return evaluation.sink().asFlux().doFinally((signal) -> release(evaluation));
		});
	}

	/**
	 * The current result of a query: the shared evaluation's latest state when one is
	 * live, else one evaluation through the query service.
	 * @param key the query
	 * @return the result
	 */
	public Mono<JsonNode> current(SubscriptionKey key) {
		Evaluation evaluation = this.evaluations.get(key);
		JsonNode last = null;
		if (evaluation != null) {
			synchronized (evaluation) {
				last = evaluation.last;
			}
		}
		return (last != null) ? Mono.just(last) : this.source.result(key.metric(), key.params());
	}

	/**
	 * The live metrics, as the query service lists them.
	 * @return the metric versions
	 */
	public Mono<JsonNode> metrics() {
		return this.source.list();
	}

	/**
	 * How many distinct queries are evaluated for subscribers now.
	 * @return the count
	 */
	public int size() {
		return this.evaluations.size();
	}

	/**
	 * How many evaluations ran since start.
	 * @return the count
	 */
	public long evaluated() {
		return this.evaluated.sum();
	}

	/**
	 * How many changed states were published to subscribers since start.
	 * @return the count
	 */
	public long published() {
		return this.published.sum();
	}

	@Override
	public void onEvents(List<ObservedEvent> events) {
		long now = now();
		long until = now + this.properties.settle().toMillis();
		// marked within the last tick: an event without a position would not change when
		// it runs
		long fresh = until - this.properties.tick().toMillis();
		EventBatch batch = new EventBatch(events);
		for (Evaluation evaluation : this.evaluations.values()) {
			synchronized (evaluation) {
				MetricScope scope = evaluation.scope;
				Predicate<ObservedEvent> concerns = (scope != null) ? (event) -> scope.affectedBy(event, now)
						: (event) -> true;
				batch.noteConcerned(concerns, evaluation.pending, now);
				if (evaluation.dirtyUntil <= fresh && batch.anyUnpositioned(concerns)) {
					evaluation.dirtyUntil = until;
				}
			}
		}
	}

	@Override
	public boolean hasPending() {
		for (Evaluation evaluation : this.evaluations.values()) {
			synchronized (evaluation) {
				if (!evaluation.pending.isEmpty()) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	public void onProgress(IngestionState progress) {
		long now = now();
		long until = now + this.properties.settle().toMillis();
		boolean released = false;
		for (Evaluation evaluation : this.evaluations.values()) {
			synchronized (evaluation) {
				if (!evaluation.pending.isEmpty() && progress.release(evaluation.pending, now)) {
					evaluation.dirtyUntil = Math.max(evaluation.dirtyUntil, until);
					released = true;
				}
			}
		}
		if (released) {
			this.wakeups.tryEmitNext(now);
		}
	}

	/**
	 * Evaluates every due query once, a bounded number at a time.
	 * @return completes when they all answered
	 */
	Mono<Void> tick() {
		long now = now();
		return Flux.fromIterable(List.copyOf(this.evaluations.values()))
			.filter((evaluation) -> evaluation.due(now))
			.flatMap(this::evaluate, this.properties.maxConcurrent())
			.then();
	}

	private Mono<Void> evaluate(Evaluation evaluation) {
		long now;
		synchronized (evaluation) {
			if (evaluation.inFlight) {
				return Mono.empty();
			}
			evaluation.inFlight = true;
			evaluation.dirty = false;
			now = now();
		}
		this.evaluated.increment();
		SubscriptionKey key = evaluation.key;
		Mono<MetricScope> scope = (evaluation.scope != null) ? Mono.just(evaluation.scope)
				: this.source.definition(key.metric()).map((definition) -> MetricScope.of(definition, key.params()));
		return scope
			.flatMap((resolved) -> this.source.result(key.metric(), key.params())
				.doOnNext((result) -> accept(evaluation, resolved, result, now)))
			.doOnError((ex) -> failed(evaluation, ex))
			.onErrorResume((ex) -> Mono.empty())
			.doFinally((signal) -> {
				synchronized (evaluation) {
					evaluation.inFlight = false;
				}
			})
			.then();
	}

	private void accept(Evaluation evaluation, MetricScope scope, JsonNode result, long now) {
		JsonNode significant = Results.significant(result);
		ResultState published = null;
		synchronized (evaluation) {
			long version = result.path("version").asLong(-1);
			boolean redefined = evaluation.version != -1 && version != evaluation.version;
			// a new definition version may filter other events: read it again next tick
			evaluation.scope = redefined ? null : scope;
			evaluation.dirty |= redefined;
			evaluation.version = version;
			evaluation.lastBucket = scope.bucketStart(now);
			evaluation.nextFinalAt = Math.max(Results.nextFinalAt(result), now + scope.bucket().toMillis() / 2);
			evaluation.last = result;
			if (!Objects.equals(significant, evaluation.lastSignificant)) {
				evaluation.lastSignificant = significant;
				evaluation.seq++;
				published = new ResultState(evaluation.seq, result);
			}
		}
		if (published != null) {
			this.published.increment();
			evaluation.emit(published);
		}
	}

	private void failed(Evaluation evaluation, Throwable ex) {
		boolean retriable = ex instanceof QueryServiceException query && query.isRetriable();
		if (retriable) {
			LOGGER.debug("Evaluating {} failed; retrying next tick: {}", evaluation.key, ex.getMessage());
			synchronized (evaluation) {
				evaluation.dirty = true;
			}
			return;
		}
		this.evaluations.remove(evaluation.key, evaluation);
		evaluation.fail(ex);
	}

	private void release(Evaluation evaluation) {
		boolean[] removed = { false };
		this.evaluations.compute(evaluation.key, (key, current) -> {
			synchronized (evaluation) {
				evaluation.subscribers--;
				removed[0] = current == evaluation && evaluation.subscribers == 0;
			}
			return removed[0] ? null : current;
		});
		if (removed[0]) {
			evaluation.complete();
		}
	}

	private long now() {
		return this.scheduler.now(TimeUnit.MILLISECONDS);
	}

}
