package io.flare.query.window;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.flare.query.kafka.TopicOffsets;
import io.flare.query.pinot.IngestionOffsets;
import io.flare.query.pinot.MetricQueryExecutor;
import io.flare.query.pinot.QueryResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Follows what Pinot ingests by asking it, every scan interval, which (source, 10-second
 * bucket) pairs received rows since the previous scan (by {@code ingestTime}) and their
 * largest event time. That one query moves the per-source watermarks and tells the cache
 * which buckets late events touched; rows count in Pinot before they are seen here, so a
 * correction is never cached away.
 */
@Service
public class WatermarkTracker {

	private static final Logger LOG = LoggerFactory.getLogger(WatermarkTracker.class);

	private final MetricQueryExecutor executor;

	private final TopicOffsets topicOffsets;

	private final IngestionOffsets ingestionOffsets;

	private final WatermarkProperties properties;

	private final List<LateDataListener> listeners;

	private final Clock clock;

	private final Map<String, Long> maxEventTime = new ConcurrentHashMap<>();

	private final Counter lateRows;

	private volatile long scannedSince = Long.MIN_VALUE;

	private volatile @Nullable Long lastIngestTime;

	private volatile IngestionLag lag = IngestionLag.UNKNOWN;

	WatermarkTracker(MetricQueryExecutor executor, TopicOffsets topicOffsets, IngestionOffsets ingestionOffsets,
			WatermarkProperties properties, List<LateDataListener> listeners, MeterRegistry meters, Clock clock) {
		this.executor = executor;
		this.topicOffsets = topicOffsets;
		this.ingestionOffsets = ingestionOffsets;
		this.properties = properties;
		this.listeners = listeners;
		this.clock = clock;
		this.lateRows = Counter.builder("flare.query.late.rows")
			.description("Rows ingested into buckets that were already final")
			.register(meters);
		Gauge.builder("flare.query.ingestion.records.behind", this, (t) -> {
			Long behind = t.lag.recordsBehind();
			return (behind != null) ? behind : Double.NaN;
		}).description("Kafka end offsets minus Pinot consuming offsets").register(meters);
	}

	/** The completeness of a metric reading {@code sources} (empty: every source). */
	public Completeness completeness(Collection<String> sources) {
		Long watermark = sources.isEmpty() ? watermarkOfActiveSources() : watermarkOf(sources);
		if (watermark == null) {
			return new Completeness(null, Long.MIN_VALUE);
		}
		return new Completeness(watermark, watermark - this.properties.grace().toMillis());
	}

	/** The latest ingestion lag measured. */
	public IngestionLag lag() {
		return this.lag;
	}

	/** The grace period. */
	public Duration grace() {
		return this.properties.grace();
	}

	/** One scan; runs every {@code flare.watermark.scan-interval}. */
	@Scheduled(fixedDelayString = "${flare.watermark.scan-interval:1s}", initialDelay = 0)
	public void scan() {
		long started = this.clock.millis();
		try {
			if (this.scannedSince == Long.MIN_VALUE) {
				bootstrap();
			}
			else {
				incremental(this.scannedSince);
			}
			this.scannedSince = started - this.properties.scanOverlap().toMillis();
		}
		catch (RuntimeException ex) {
			LOG.debug("Watermark scan failed (will retry): {}", ex.toString());
		}
		measureLag(started);
	}

	private void bootstrap() {
		QueryResult result = query("SELECT source, MAX(eventTime), MAX(ingestTime) FROM " + this.properties.table()
				+ " GROUP BY source LIMIT 100000");
		for (List<Object> row : result.rows()) {
			this.maxEventTime.merge((String) row.get(0), asLong(row.get(1)), Math::max);
			noteIngestTime(asLong(row.get(2)));
		}
		LOG.info("Watermarks bootstrapped for {} sources", this.maxEventTime.size());
	}

	private void incremental(long since) {
		QueryResult result = query(
				"SELECT source, bucket10s, COUNT(*), MAX(eventTime), MAX(ingestTime) FROM " + this.properties.table()
						+ " WHERE ingestTime >= " + since + " GROUP BY source, bucket10s LIMIT 100000");
		Map<String, Set<Long>> touched = new HashMap<>();
		for (List<Object> row : result.rows()) {
			String source = (String) row.get(0);
			long bucket = asLong(row.get(1));
			Completeness before = completeness(List.of(source));
			if (before.isFinal(bucket + 10_000)) {
				this.lateRows.increment(asLong(row.get(2)));
			}
			touched.computeIfAbsent(source, (s) -> new HashSet<>()).add(bucket);
			this.maxEventTime.merge(source, asLong(row.get(3)), Math::max);
			noteIngestTime(asLong(row.get(4)));
		}
		if (!touched.isEmpty()) {
			this.listeners.forEach((listener) -> listener.bucketsTouched(touched));
		}
	}

	private void measureLag(long now) {
		try {
			Map<Integer, Long> ends = this.topicOffsets.endOffsets(this.properties.topic())
				.blockOptional(Duration.ofSeconds(5))
				.orElse(null);
			Map<Integer, Long> consumed = (ends != null)
					? this.ingestionOffsets.consumingOffsets(this.properties.table()).block(Duration.ofSeconds(5))
					: null;
			this.lag = new IngestionLag(recordsBehind(ends, consumed), this.lastIngestTime, now);
		}
		catch (RuntimeException ex) {
			this.lag = new IngestionLag(null, this.lastIngestTime, now);
			LOG.debug("Cannot measure the ingestion lag: {}", ex.toString());
		}
	}

	static @Nullable Long recordsBehind(@Nullable Map<Integer, Long> ends, @Nullable Map<Integer, Long> consumed) {
		if (ends == null || consumed == null || consumed.isEmpty()) {
			return null;
		}
		long behind = 0;
		for (Map.Entry<Integer, Long> end : ends.entrySet()) {
			Long at = consumed.get(end.getKey());
			if (at != null) {
				behind += Math.max(0, end.getValue() - at);
			}
		}
		return behind;
	}

	private @Nullable Long watermarkOf(Collection<String> sources) {
		Long min = null;
		for (String source : sources) {
			Long max = this.maxEventTime.get(source);
			if (max == null) {
				return null;
			}
			long watermark = max - this.properties.allowedLateness().toMillis();
			min = (min == null) ? watermark : Math.min(min, watermark);
		}
		return min;
	}

	private @Nullable Long watermarkOfActiveSources() {
		long activeSince = this.clock.millis() - this.properties.idleTimeout().toMillis();
		List<String> active = this.maxEventTime.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() >= activeSince)
			.map(Map.Entry::getKey)
			.toList();
		if (!active.isEmpty()) {
			return watermarkOf(active);
		}
		return this.maxEventTime.values()
			.stream()
			.max(Long::compare)
			.map((max) -> max - this.properties.allowedLateness().toMillis())
			.orElse(null);
	}

	private void noteIngestTime(long ingestTime) {
		Long current = this.lastIngestTime;
		if (current == null || ingestTime > current) {
			this.lastIngestTime = ingestTime;
		}
	}

	private QueryResult query(String sql) {
		return this.executor.execute(sql).block();
	}

	private static long asLong(Object cell) {
		return (cell instanceof Number number) ? number.longValue() : Long.MIN_VALUE;
	}

	/** For tests: the largest event time seen of {@code source}. */
	@Nullable Long maxEventTime(String source) {
		return this.maxEventTime.get(source);
	}

}
