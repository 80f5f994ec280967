package io.flare.query.evaluate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.flare.query.cache.BucketKey;
import io.flare.query.cache.ResultCache;
import io.flare.query.cache.ResultCache.Freshness;
import io.flare.query.catalog.TableCatalog;
import io.flare.query.compile.MetricCompiler;
import io.flare.query.compile.QueryPlan;
import io.flare.query.definition.MetricDefinition;
import io.flare.query.evaluate.MetricResult.BucketInfo;
import io.flare.query.evaluate.MetricResult.Value;
import io.flare.query.pinot.QueryResult;
import io.flare.query.registry.MetricRegistry;
import io.flare.query.registry.StoredDefinition;
import io.flare.query.window.Completeness;
import io.flare.query.window.WatermarkTracker;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Evaluates a metric: compiles it for now, takes final buckets from the cache, asks Pinot
 * (coalesced with identical queries) for the rest in one query, caches the buckets that
 * became final, and combines.
 */
@Service
public class MetricEvaluator {

	private final MetricRegistry registry;

	private final TableCatalog catalog;

	private final ResultCache cache;

	private final WatermarkTracker watermarks;

	private final Clock clock;

	MetricEvaluator(MetricRegistry registry, TableCatalog catalog, ResultCache cache, WatermarkTracker watermarks,
			Clock clock) {
		this.registry = registry;
		this.catalog = catalog;
		this.cache = cache;
		this.watermarks = watermarks;
		this.clock = clock;
	}

	/** Compiles the live definition of {@code name} for now. */
	public Mono<Compiled> compile(String name, Map<String, String> parameters) {
		return Mono.fromCallable(() -> {
			StoredDefinition stored = this.registry.get(name).orElseThrow(() -> this.registry.missing(name));
			MetricDefinition definition = stored.definition();
			QueryPlan plan = MetricCompiler.compile(definition, this.catalog.table(definition.table()).orElseThrow(),
					parameters, this.clock.millis());
			return new Compiled(stored, plan);
		});
	}

	/** Evaluates {@code name} with {@code parameters}, its live edge as cached. */
	public Mono<MetricResult> evaluate(String name, Map<String, String> parameters) {
		return evaluate(name, parameters, Freshness.CACHED);
	}

	/**
	 * Evaluates {@code name} with {@code parameters}; final buckets come from the cache
	 * either way, the live edge as {@code freshness} asks.
	 */
	public Mono<MetricResult> evaluate(String name, Map<String, String> parameters, Freshness freshness) {
		return compile(name, parameters).flatMap((compiled) -> {
			QueryPlan plan = compiled.plan();
			List<String> sources = Sources.of(plan);
			Completeness completeness = this.watermarks.completeness(sources);
			Set<String> keySources = Set.copyOf(sources);
			return plan.perBucket() ? perBucket(compiled, completeness, keySources, freshness)
					: whole(compiled, completeness, keySources, freshness);
		});
	}

	private Mono<MetricResult> perBucket(Compiled compiled, Completeness completeness, Set<String> sources,
			Freshness freshness) {
		QueryPlan plan = compiled.plan();
		long size = plan.bucket().millis();
		// rendered once: every bucket's key shares it
		String shape = plan.shape();
		SortedMap<Long, List<List<Object>>> byBucket = new TreeMap<>();
		Set<Long> cachedStarts = new HashSet<>();
		Long firstMissing = null;
		for (long start : plan.bucketStarts()) {
			if (completeness.isFinal(start + size)) {
				var cached = this.cache.getFinal(new BucketKey(shape, sources, start, start + size));
				if (cached.isPresent()) {
					byBucket.put(start, cached.get());
					cachedStarts.add(start);
					continue;
				}
			}
			firstMissing = (firstMissing == null) ? start : firstMissing;
		}
		if (firstMissing == null) {
			return Mono.just(result(compiled, completeness, byBucket, cachedStarts, Run.CACHED));
		}
		long from = firstMissing;
		return this.cache.coalesced(plan.sql(from, plan.windowEnd()), freshness).map((shared) -> {
			SortedMap<Long, List<List<Object>>> queried = splitByBucket(shared.result().rows(), from, size,
					plan.windowEnd());
			queried.forEach((start, rows) -> {
				if (completeness.isFinal(start + size)) {
					this.cache.putFinal(new BucketKey(shape, sources, start, start + size), rows, shared.generation());
				}
			});
			byBucket.putAll(queried);
			return result(compiled, completeness, byBucket, cachedStarts, Run.of(shared));
		});
	}

	private Mono<MetricResult> whole(Compiled compiled, Completeness completeness, Set<String> sources,
			Freshness freshness) {
		QueryPlan plan = compiled.plan();
		BucketKey key = new BucketKey(plan.shape(), sources, plan.windowStart(), plan.windowEnd());
		boolean allFinal = completeness.isFinal(plan.windowEnd());
		if (allFinal) {
			var cached = this.cache.getFinal(key);
			if (cached.isPresent()) {
				return Mono.just(wholeResult(compiled, completeness, cached.get(), Run.CACHED, true));
			}
		}
		return this.cache.coalesced(plan.sql(), freshness).map((shared) -> {
			if (allFinal) {
				this.cache.putFinal(key, shared.result().rows(), shared.generation());
			}
			return wholeResult(compiled, completeness, shared.result().rows(), Run.of(shared), false);
		});
	}

	private static SortedMap<Long, List<List<Object>>> splitByBucket(List<List<Object>> rows, long from, long size,
			long end) {
		SortedMap<Long, List<List<Object>>> byBucket = new TreeMap<>();
		for (long start = from; start < end; start += size) {
			byBucket.put(start, new ArrayList<>());
		}
		for (List<Object> row : rows) {
			long bucket = ((Number) row.get(0)).longValue();
			byBucket.computeIfAbsent(bucket, (b) -> new ArrayList<>()).add(row.subList(1, row.size()));
		}
		return byBucket;
	}

	private MetricResult result(Compiled compiled, Completeness completeness,
			SortedMap<Long, List<List<Object>>> byBucket, Set<Long> cachedStarts, Run run) {
		QueryPlan plan = compiled.plan();
		boolean tumbling = plan.definition().window().kind() == io.flare.query.definition.WindowKind.TUMBLING;
		List<Value> values = tumbling ? Combiner.perBucket(plan, byBucket) : Combiner.merged(plan, byBucket);
		List<BucketInfo> buckets = new ArrayList<>();
		long size = plan.bucket().millis();
		for (long start : plan.bucketStarts()) {
			buckets.add(new BucketInfo(start, start + size, completeness.isFinal(start + size),
					cachedStarts.contains(start)));
		}
		return assemble(compiled, completeness, buckets, values, cachedStarts.size(), run);
	}

	private MetricResult wholeResult(Compiled compiled, Completeness completeness, List<List<Object>> rows, Run run,
			boolean cached) {
		QueryPlan plan = compiled.plan();
		long size = plan.bucket().millis();
		List<BucketInfo> buckets = plan.bucketStarts()
			.stream()
			.map((start) -> new BucketInfo(start, start + size, completeness.isFinal(start + size), cached))
			.toList();
		List<Value> values = Combiner.whole(plan, rows);
		return assemble(compiled, completeness, buckets, values, cached ? buckets.size() : 0, run);
	}

	private MetricResult assemble(Compiled compiled, Completeness completeness, List<BucketInfo> buckets,
			List<Value> values, int cachedBuckets, Run run) {
		QueryPlan plan = compiled.plan();
		MetricDefinition definition = plan.definition();
		var lag = this.watermarks.lag();
		Long age = (lag.lastIngestTime() != null) ? plan.now() - lag.lastIngestTime() : null;
		MetricResult.Ingestion ingestion = new MetricResult.Ingestion(lag.recordsBehind(), lag.lastIngestTime(), age,
				lag.measuredAt());
		MetricResult.WindowInfo window = new MetricResult.WindowInfo(definition.window().kind().text(),
				definition.window().size(), definition.window().bucket().text(), plan.windowStart(), plan.windowEnd());
		boolean complete = buckets.stream().allMatch(BucketInfo::isFinal);
		Long finalBefore = (completeness.watermark() != null) ? completeness.finalBefore() : null;
		return new MetricResult(definition.name(), compiled.stored().version(), plan.parameters(), plan.now(), window,
				completeness.watermark(), finalBefore, complete, ingestion, buckets, values, run.docsScanned(),
				run.fromCache(), run.queriedAt(), cachedBuckets, run.queries(), plan.starTree().eligible(),
				run.truncated());
	}

	/**
	 * A metric compiled for now.
	 *
	 * @param stored the definition version
	 * @param plan the compiled plan
	 */
	public record Compiled(StoredDefinition stored, QueryPlan plan) {

	}

	private record Run(long docsScanned, boolean fromCache, @Nullable Long queriedAt, int queries, boolean truncated) {

		static final Run CACHED = new Run(0, true, null, 0, false);

		static Run of(ResultCache.Shared shared) {
			QueryResult result = shared.result();
			boolean truncated = result.stats().numGroupsLimitReached()
					|| result.rows().size() >= MetricCompiler.MAX_ROWS;
			return shared.shared() ? new Run(0, true, shared.queriedAt(), 0, truncated)
					: new Run(result.stats().numDocsScanned(), false, shared.queriedAt(), 1, truncated);
		}

	}

}
