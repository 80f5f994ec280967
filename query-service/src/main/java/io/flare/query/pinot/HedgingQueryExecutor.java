package io.flare.query.pinot;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Hedged requests (Dean and Barroso, "The Tail at Scale"): a query still unanswered after
 * the configured quantile of its shape's recent answer times gets a second copy, and
 * whichever answers first is the answer; the other is cancelled. A Pinot server stalls
 * single queries for reasons that have nothing to do with them: in 0.11 the query that
 * lets go last of a consuming segment just replaced by its sealed copy frees it in its
 * own thread, dedup keys included (100–350 ms per 25,000-row segment measured on the
 * local stack), while a copy sent meanwhile runs on another thread in the usual time.
 *
 * <p>
 * Only shapes with enough history are hedged (ad-hoc SQL rarely is), only when that
 * quantile is below {@code max-delay}, and only {@code budget} of all queries over time
 * (a token bucket that saves up at most {@link #BURST} copies), so a Pinot that is slow
 * for everyone does not get twice the load. The first query's failure is the answer at
 * once, as without hedging; a copy's failure leaves the answer to the first query.
 * Counted in {@code flare.query.pinot.hedges} (tag {@code outcome}: {@code sent},
 * {@code won} when the copy answered first, {@code skipped} when over budget); the loser
 * of a race is timed as {@code cancelled} in {@code flare.query.pinot.queries}.
 */
final class HedgingQueryExecutor implements MetricQueryExecutor, AutoCloseable {

	/** Copies the budget can save up for a burst of slow queries. */
	static final double BURST = 10;

	private static final Logger LOG = LoggerFactory.getLogger(HedgingQueryExecutor.class);

	private final MetricQueryExecutor pinot;

	private final Duration defaultTimeout;

	private final HedgeProperties properties;

	private final ShapeLatencies latencies = new ShapeLatencies();

	private final Budget budget;

	private final Scheduler scheduler;

	private final LongSupplier nanoClock;

	private final Counter sent;

	private final Counter won;

	private final Counter skipped;

	HedgingQueryExecutor(MetricQueryExecutor pinot, Duration defaultTimeout, HedgeProperties properties,
			MeterRegistry meters) {
		this(pinot, defaultTimeout, properties, meters, Schedulers.parallel(), System::nanoTime);
	}

	HedgingQueryExecutor(MetricQueryExecutor pinot, Duration defaultTimeout, HedgeProperties properties,
			MeterRegistry meters, Scheduler scheduler, LongSupplier nanoClock) {
		this.pinot = pinot;
		this.defaultTimeout = defaultTimeout;
		this.properties = properties;
		this.budget = new Budget(properties.budget());
		this.scheduler = scheduler;
		this.nanoClock = nanoClock;
		this.sent = counter(meters, "sent");
		this.won = counter(meters, "won");
		this.skipped = counter(meters, "skipped");
	}

	private static Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder("flare.query.pinot.hedges")
			.description("Second copies of slow Pinot queries: sent, won (answered first), skipped (over budget)")
			.tag("outcome", outcome)
			.register(meters);
	}

	@Override
	public Mono<QueryResult> execute(String sql) {
		return execute(sql, this.defaultTimeout);
	}

	@Override
	public Mono<QueryResult> execute(String sql, Duration timeout) {
		if (!this.properties.enabled()) {
			return this.pinot.execute(sql, timeout);
		}
		return Mono.defer(() -> {
			String shape = ShapeLatencies.shapeOf(sql);
			long start = this.nanoClock.getAsLong();
			this.budget.deposit();
			long delay = delayNanos(shape, timeout);
			Mono<QueryResult> answer = (delay < 0) ? this.pinot.execute(sql, timeout) : race(sql, timeout, delay);
			return answer.doOnNext((result) -> this.latencies.record(shape, this.nanoClock.getAsLong() - start));
		});
	}

	/** When a query of this shape gets its copy, or -1: never. */
	private long delayNanos(String shape, Duration timeout) {
		long quantile = this.latencies.quantileNanos(shape, this.properties.quantile());
		if (quantile < 0 || quantile > this.properties.maxDelay().toNanos()) {
			return -1;
		}
		long delay = Math.max(quantile, this.properties.minDelay().toNanos());
		return (delay < timeout.toNanos()) ? delay : -1;
	}

	private Mono<QueryResult> race(String sql, Duration timeout, long delayNanos) {
		Mono<Answer> first = this.pinot.execute(sql, timeout).map((result) -> new Answer(result, false));
		Mono<Answer> copy = Mono.delay(Duration.ofNanos(delayNanos), this.scheduler).flatMap((tick) -> {
			if (!this.budget.take()) {
				this.skipped.increment();
				return Mono.never();
			}
			this.sent.increment();
			return this.pinot.execute(sql, timeout.minusNanos(delayNanos))
				.map((result) -> new Answer(result, true))
				.onErrorResume((ex) -> {
					LOG.debug("A hedged copy failed; the first query still answers: {}", ex.getMessage());
					return Mono.never();
				});
		});
		return Mono.firstWithSignal(first, copy).map((answer) -> {
			if (answer.copy()) {
				this.won.increment();
			}
			return answer.result();
		});
	}

	@Override
	public void close() throws Exception {
		if (this.pinot instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	private record Answer(QueryResult result, boolean copy) {
	}

	/**
	 * Each query earns {@code perQuery} of a copy, up to {@link #BURST}; a copy spends
	 * one. Kept in thousandths, so ten queries at 0.1 earn exactly one copy.
	 */
	static final class Budget {

		private static final long ONE = 1_000;

		private final long perQuery;

		private long tokens;

		Budget(double perQuery) {
			this.perQuery = Math.round(perQuery * ONE);
		}

		synchronized void deposit() {
			this.tokens = Math.min((long) (BURST * ONE), this.tokens + this.perQuery);
		}

		synchronized boolean take() {
			if (this.tokens < ONE) {
				return false;
			}
			this.tokens -= ONE;
			return true;
		}

	}

}
