package io.flare.gateway.subscription;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.flare.gateway.query.MetricResultSource;
import io.flare.gateway.query.QueryServiceException;

/**
 * Answers from a settable result, counting calls; knows one metric, {@code news-count}: a
 * count of category {@code ${category}} over 5 minutes in 1-minute buckets.
 */
public final class FakeMetricResultSource implements MetricResultSource {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNode DEFINITION = JSON.readTree("""
			{"table": "events", "measure": {"type": "count"},
			 "filters": [{"column": "category", "op": "eq", "value": "${category}"}],
			 "window": {"size": "5m", "bucket": "1m", "kind": "sliding"},
			 "parameters": {"category": {"default": "news"}}}
			""");

	public final AtomicInteger results = new AtomicInteger();

	final AtomicInteger definitions = new AtomicInteger();

	public final AtomicReference<Double> value = new AtomicReference<>(1.0);

	@Override
	public Mono<JsonNode> result(String metric, Map<String, String> params) {
		return Mono.fromSupplier(() -> {
			this.results.incrementAndGet();
			return JSON.readTree("""
					{"metric": "%s", "version": 1, "asOf": 0, "finalBefore": null,
					 "values": [{"group": {}, "value": %s}], "buckets": []}
					""".formatted(metric, this.value.get()));
		});
	}

	@Override
	public Mono<JsonNode> list() {
		return Mono.just(JSON.readTree("""
				[{"name": "news-count", "version": 1, "definition": %s},
				 {"name": "some-other-metric", "version": 2, "definition": %s}]
				""".formatted(DEFINITION, DEFINITION)));
	}

	@Override
	public Mono<JsonNode> drilldown(String metric, Map<String, String> params, long bucket, int page, int size) {
		if (!"news-count".equals(metric)) {
			return Mono.error(new QueryServiceException("query service answered 404: no metric " + metric, false));
		}
		return Mono.just(JSON.readTree("""
				{"sql": "SELECT * FROM events WHERE bucket1m = %d LIMIT %d OFFSET %d",
				 "columns": ["eventId", "category"], "types": ["STRING", "STRING"],
				 "rows": [["e-1", "%s"]]}
				""".formatted(bucket, size, page * size, params.getOrDefault("category", "news"))));
	}

	@Override
	public Mono<JsonNode> definition(String metric) {
		this.definitions.incrementAndGet();
		if (!"news-count".equals(metric)) {
			return Mono.error(new QueryServiceException("query service answered 404: no metric " + metric, false));
		}
		return Mono.just(DEFINITION);
	}

}
