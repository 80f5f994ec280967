package io.flare.benchmarks.query;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import io.flare.benchmarks.support.LatencySummary;
import io.flare.benchmarks.support.MachineInfo;
import io.flare.benchmarks.support.Percentiles;
import io.flare.benchmarks.support.ResultsWriter;
import io.flare.benchmarks.support.RunId;
import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.PinotBroker;

/**
 * Measures a running query service, per metric shape: Pinot's latency for the window's
 * SQL (the baseline, same run), the service uncached (a distinct but equivalent SQL shape
 * per request: a no-op {@code bucket1h >= i} filter, so nothing is cached), the service
 * warm (final buckets cached, live edge queried or shared) and how many Pinot queries 16
 * identical concurrent requests cost. Results go to
 * {@code benchmarks/results/query-latency-<timestamp>.json}.
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *   io.flare.benchmarks.query.QueryLatencyMain [--url http://127.0.0.1:8082] [--requests 100]
 * </pre>
 */
public final class QueryLatencyMain {

	private static final int CONCURRENT = 16;

	private static final Map<String, String> SHAPES = shapes();

	private QueryLatencyMain() {
	}

	public static void main(String[] args) throws Exception {
		String url = option(args, "--url", "http://127.0.0.1:8082");
		int requests = Integer.parseInt(option(args, "--requests", "100"));
		StackProperties stack = StackProperties.fromEnvironment(StackProperties.locateRoot());
		RunId run = new RunId(Instant.now());
		MachineInfo machine = MachineInfo.current();
		QueryServiceClient service = new QueryServiceClient(url);
		PinotBroker pinot = new PinotBroker(stack.pinotBrokerUrl());
		String prefix = "bench-" + run.value();
		Map<String, Object> figures = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, String> shape : SHAPES.entrySet()) {
				String name = prefix + "-" + shape.getKey();
				service.define(name, shape.getValue());
				figures.put(shape.getKey(), measure(service, pinot, name, requests));
				System.out.println(shape.getKey() + ": " + figures.get(shape.getKey()));
			}
		}
		finally {
			SHAPES.keySet().forEach((shape) -> service.deleteIfPresent(prefix + "-" + shape));
		}
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("benchmark", "query-latency");
		results.put("command", "java ... io.flare.benchmarks.query.QueryLatencyMain " + String.join(" ", args));
		results.put("machine", machine);
		results.put("requests", requests);
		results.put("shapes", figures);
		Path file = new ResultsWriter(stack.root().resolve("benchmarks").resolve("results")).write("query-latency", run,
				results);
		System.out.println("Results: " + file);
	}

	private static Map<String, Object> measure(QueryServiceClient service, PinotBroker pinot, String name, int requests)
			throws Exception {
		String sql = service.get("/v1/metrics/" + name + "/explain?floor=0").path("sql").asText();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("sql", sql);
		figures.put("pinotDirect", time(requests, (i) -> pinot.query(sql)));
		figures.put("serviceUncached",
				time(requests, (i) -> service.get("/v1/metrics/" + name + "/result?floor=" + (i + 1))));
		service.get("/v1/metrics/" + name + "/result?floor=0");
		List<JsonNode> warm = new ArrayList<>();
		figures.put("serviceWarm", time(requests, (i) -> {
			JsonNode result = service.get("/v1/metrics/" + name + "/result?floor=0");
			return (i >= 0) ? warm.add(result) : null;
		}));
		figures.put("warmFromCacheShare",
				warm.stream().filter((result) -> result.path("fromCache").asBoolean()).count() / (double) warm.size());
		figures.put("warmCachedBucketsMean",
				warm.stream().mapToInt((result) -> result.path("cachedBuckets").asInt()).average().orElse(0));
		figures.put("pinotQueriesFor" + CONCURRENT + "ConcurrentIdentical", concurrent(service, name));
		return figures;
	}

	private static int concurrent(QueryServiceClient service, String name) throws Exception {
		Thread.sleep(1_000);
		ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
		try {
			List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
			for (int i = 0; i < CONCURRENT; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> service.get("/v1/metrics/" + name + "/result?floor=0"),
						pool));
			}
			return answers.stream().mapToInt((answer) -> answer.join().path("pinotQueries").asInt()).sum();
		}
		finally {
			pool.shutdown();
		}
	}

	private static LatencySummary time(int requests, IntFunction<Object> call) {
		for (int i = 0; i < Math.min(10, requests); i++) {
			call.apply(-1 - i);
		}
		double[] millis = new double[requests];
		for (int i = 0; i < requests; i++) {
			long start = System.nanoTime();
			call.apply(i);
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		return Percentiles.summarize(millis);
	}

	private static String option(String[] args, String name, String defaultValue) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return defaultValue;
	}

	private static Map<String, String> shapes() {
		String floor = "{\"column\":\"bucket1h\",\"op\":\"range\",\"min\":\"${floor}\"}";
		String parameters = "\"parameters\":{\"floor\":{\"default\":\"0\"}}";
		Map<String, String> shapes = new LinkedHashMap<>();
		shapes.put("count-per-category-1h-10s-tumbling",
				"{\"table\":\"events\",\"measure\":{\"type\":\"count\"}," + "\"groupBy\":[\"category\"],\"filters\":["
						+ floor + "]," + "\"window\":{\"size\":\"1h\",\"bucket\":\"10s\",\"kind\":\"tumbling\"},"
						+ parameters + "}");
		shapes.put("sum-per-country-1h-1m-sliding",
				"{\"table\":\"events\",\"measure\":{\"type\":\"sum\",\"column\":\"value\"},"
						+ "\"groupBy\":[\"country\"],\"filters\":[" + floor + "],"
						+ "\"window\":{\"size\":\"1h\",\"bucket\":\"1m\",\"kind\":\"sliding\"}," + parameters + "}");
		shapes.put("top10-entities-5m-sliding",
				"{\"table\":\"events\",\"measure\":{\"type\":\"topK\",\"by\":\"entityId\",\"k\":10},"
						+ "\"filters\":[{\"column\":\"category\",\"op\":\"eq\",\"value\":\"news\"}," + floor + "],"
						+ "\"window\":{\"size\":\"5m\",\"bucket\":\"1m\",\"kind\":\"sliding\"}," + parameters + "}");
		return shapes;
	}

}
