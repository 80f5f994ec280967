package io.flare.query.api;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.flare.query.cache.ResultCache.Freshness;
import io.flare.query.compile.QueryPlan;
import io.flare.query.definition.DefinitionCodec;
import io.flare.query.definition.MetricDefinition;
import io.flare.query.evaluate.MetricEvaluator;
import io.flare.query.evaluate.MetricResult;
import io.flare.query.pinot.MetricQueryExecutor;
import io.flare.query.registry.MetricNotFoundException;
import io.flare.query.registry.MetricRegistry;
import io.flare.query.sql.SqlResult;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Metric definitions and their evaluation: {@code /v1/metrics}.
 */
@RestController
@RequestMapping("/v1/metrics")
class MetricController {

	/** Drill-down query parameters that are not metric parameters. */
	private static final List<String> PAGING = List.of("bucket", "page", "size");

	private static final int MAX_PAGE_SIZE = 1000;

	/** How deep drill-down pages go (Pinot sorts offset + limit rows per server). */
	private static final int MAX_DRILLDOWN_ROWS = 10_000;

	private final MetricRegistry registry;

	private final MetricEvaluator evaluator;

	private final MetricQueryExecutor executor;

	MetricController(MetricRegistry registry, MetricEvaluator evaluator, MetricQueryExecutor executor) {
		this.registry = registry;
		this.evaluator = evaluator;
		this.executor = executor;
	}

	@GetMapping
	List<MetricView> list() {
		return this.registry.list().stream().map(MetricView::of).toList();
	}

	@GetMapping("/{name}")
	Mono<MetricView> get(@PathVariable String name, @RequestParam(required = false) Integer version) {
		if (version != null) {
			return this.registry.version(name, version).map(MetricView::of);
		}
		return Mono.justOrEmpty(this.registry.get(name))
			.switchIfEmpty(Mono.error(() -> this.registry.missing(name)))
			.map(MetricView::of);
	}

	@GetMapping("/{name}/versions")
	Mono<List<MetricView>> versions(@PathVariable String name) {
		return this.registry.history(name).map((history) -> {
			if (history.isEmpty()) {
				throw new MetricNotFoundException(name);
			}
			return history.stream().map(MetricView::of).toList();
		});
	}

	@PutMapping(path = "/{name}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/yaml" })
	Mono<ResponseEntity<MetricView>> put(@PathVariable String name, @RequestBody String body,
			@RequestHeader(name = "Content-Type", defaultValue = MediaType.APPLICATION_JSON_VALUE) String contentType,
			@RequestHeader(name = "X-Flare-Author", defaultValue = "anonymous") String author) {
		return Mono
			.fromCallable(() -> contentType.contains("yaml") ? DefinitionCodec.fromYaml(body, name)
					: DefinitionCodec.fromJson(body, name))
			.flatMap((MetricDefinition definition) -> this.registry.put(definition, author))
			.map((change) -> ResponseEntity.status(change.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.location(URI.create("/v1/metrics/" + name))
				.header("X-Flare-Changed", Boolean.toString(change.changed()))
				.body(MetricView.of(change.stored())));
	}

	@DeleteMapping("/{name}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String name, @RequestParam(required = false) String replacedBy,
			@RequestHeader(name = "X-Flare-Author", defaultValue = "anonymous") String author) {
		return this.registry.delete(name, author, replacedBy).map((stored) -> ResponseEntity.noContent().build());
	}

	/**
	 * The metric's answer. {@code Cache-Control: no-cache} (or {@code max-age=0}) asks
	 * for the live edge as Pinot holds it now rather than a result shared within the live
	 * cache's TTL; final buckets still come from the cache, which late events keep right.
	 */
	@GetMapping("/{name}/result")
	Mono<MetricResult> result(@PathVariable String name, @RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.CACHE_CONTROL, required = false) @Nullable String cacheControl) {
		return this.evaluator.evaluate(name, parameters, freshness(cacheControl));
	}

	static Freshness freshness(@Nullable String cacheControl) {
		if (cacheControl == null) {
			return Freshness.CACHED;
		}
		for (String directive : cacheControl.split(",")) {
			String value = directive.strip().toLowerCase(Locale.ROOT);
			if (value.equals("no-cache") || value.equals("no-store") || value.equals("max-age=0")) {
				return Freshness.FRESH;
			}
		}
		return Freshness.CACHED;
	}

	@GetMapping("/{name}/explain")
	Mono<Explanation> explain(@PathVariable String name, @RequestParam Map<String, String> parameters) {
		return this.evaluator.compile(name, parameters).flatMap((compiled) -> {
			QueryPlan plan = compiled.plan();
			return this.executor.execute("EXPLAIN PLAN FOR " + plan.sql())
				.map((pinot) -> new Explanation(name, compiled.stored().version(), plan.sql(), plan.shape(),
						plan.perBucket(), plan.starTree().eligible(), plan.starTree().reasons(), pinot.columns(),
						pinot.rows()));
		});
	}

	@GetMapping("/{name}/drilldown")
	Mono<SqlResult> drilldown(@PathVariable String name, @RequestParam long bucket,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
			@RequestParam Map<String, String> query) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			return Mono.error(new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE
					+ ", got page " + page + ", size " + size));
		}
		Map<String, String> parameters = new HashMap<>(query);
		PAGING.forEach(parameters::remove);
		return this.evaluator.compile(name, parameters).flatMap((compiled) -> {
			QueryPlan plan = compiled.plan();
			if (bucket != plan.bucket().floor(bucket)) {
				return Mono.error(new IllegalArgumentException("bucket " + bucket + " is not the start of a "
						+ plan.bucket().text() + " bucket (e.g. " + plan.bucket().floor(bucket) + ")"));
			}
			String sql = plan.drilldownSql(bucket, page * size, size);
			return this.executor.execute(sql)
				.map((result) -> new SqlResult(sql, result.columns(), result.types(), result.rows(),
						result.stats().numDocsScanned(), result.stats().timeUsedMs()));
		});
	}

	/**
	 * What a metric compiles to and how Pinot would run it.
	 *
	 * @param metric the name
	 * @param version the definition version
	 * @param sql the SQL for the current window
	 * @param shape the SQL without the time range (the cache key)
	 * @param perBucket whether the SQL groups by bucket (final buckets cached one by one)
	 * @param starTreeEligible whether sealed segments can use the star-tree
	 * @param starTreeReasons why not
	 * @param planColumns the columns of Pinot's EXPLAIN PLAN
	 * @param plan the rows of Pinot's EXPLAIN PLAN
	 */
	record Explanation(String metric, int version, String sql, String shape, boolean perBucket,
			boolean starTreeEligible, List<String> starTreeReasons, List<String> planColumns, List<List<Object>> plan) {

	}

}
