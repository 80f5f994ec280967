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

	/** How many buckets back a stand-in for a live-edge query may start. */
	private static final int STAND_IN_BUCKETS = 3;

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
		long end = plan.windowEnd();
		String exact = plan.sql(from, end);
		if (freshness == Freshness.CACHED) {
			var held = this.cache.heldInstead(exact, () -> standIns(plan, from));
			if (held.isPresent()) {
				byBucket.putAll(splitByBucket(held.get().shared().result().rows(), from, size, end));
				return Mono.just(result(compiled, completeness, byBucket, cachedStarts, Run.of(held.get().shared())));
			}
		}
		return this.cache.coalesced(exact, freshness).map((shared) -> {
			SortedMap<Long, List<List<Object>>> queried = splitByBucket(shared.result().rows(), from, size, end);
			queried.forEach((start, rows) -> {
				if (completeness.isFinal(start + size)) {
					this.cache.putFinal(new BucketKey(shape, sources, start, start + size), rows, shared.generation());
				}
			});
			byBucket.putAll(queried);
			return result(compiled, completeness, byBucket, cachedStarts, Run.of(shared));
		});
	}

	/**
	 * The live-edge queries answered a moment ago whose rows cover this one's buckets but
	 * the newest: before its oldest buckets turned final (they started earlier), or
	 * before the window moved on (they end a bucket earlier; the new bucket had not begun
	 * when they were read). Best first.
	 */
	static List<String> standIns(QueryPlan plan, long from) {
		long size = plan.bucket().millis();
		long end = plan.windowEnd();
		long earliest = plan.windowStart() - size;
		List<String> earlier = new ArrayList<>();
		for (int k = 1; k <= STAND_IN_BUCKETS && from - k * size >= earliest; k++) {
			earlier.add(plan.sql(from - k * size, end));
		}
		for (int k = 0; k <= STAND_IN_BUCKETS && from - k * size >= earliest; k++) {
			if (from - k * size < end - size) {
				earlier.add(plan.sql(from - k * size, end - size));
			}
		}
		return earlier;
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
		String exact = plan.sql();
		if (freshness == Freshness.CACHED && !allFinal) {
			QueryPlan previous = plan.previousWindow();
			var held = this.cache.heldInstead(exact, () -> List.of(previous.sql()));
			if (held.isPresent()) {
				// answered for the window it was read for, which its result says
				return Mono.just(wholeResult(new Compiled(compiled.stored(), previous), completeness,
						held.get().shared().result().rows(), Run.of(held.get().shared()), false));
			}
		}
		return this.cache.coalesced(exact, freshness).map((shared) -> {
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
			// rows of a stand-in may reach back to buckets now final (and cached)
			List<List<Object>> bucket = byBucket.get(((Number) row.get(0)).longValue());
			if (bucket != null) {
				bucket.add(row.subList(1, row.size()));
			}
		}
		return byBucket;
	}

	private MetricResult result(Compiled compiled, Completeness completeness,
			SortedMap<Long, List<List<Object>>> byBucket, Set<Long> cachedStarts, Run run) {
		QueryPlan plan = compiled.plan();
		boolean tumbling = plan.definition().window().kind() == io.flare.query.definition.WindowKind.TUMBLING;
		long read = run.readAt(plan.now());
		List<Value> values = tumbling ? Combiner.perBucket(plan, byBucket, read)
				: Combiner.merged(plan, byBucket, read);
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
		List<Value> values = Combiner.whole(plan, rows, run.readAt(plan.now()));
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

		/** When the rows were read: a shared live result holds the counts of then. */
		long readAt(long now) {
			return (this.queriedAt != null) ? Math.min(now, this.queriedAt) : now;
		}

		static Run of(ResultCache.Shared shared) {
			QueryResult result = shared.result();
			boolean truncated = result.stats().numGroupsLimitReached()
					|| result.rows().size() >= MetricCompiler.MAX_ROWS;
			return shared.shared() ? new Run(0, true, shared.queriedAt(), 0, truncated)
					: new Run(result.stats().numDocsScanned(), false, shared.queriedAt(), 1, truncated);
		}

	}

}
