package io.flare.benchmarks.pinot;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;

import io.flare.benchmarks.support.Percentiles;

/** The measured runs of one query on one table. */
final class QuerySamples {

	private final double[] clientMillis;

	private final double[] pinotMillis;

	private final long[] docsScanned;

	private int count;

	private long segmentsQueried;

	private long consumingSegmentsQueried;

	private long totalDocs;

	QuerySamples(int capacity) {
		this.clientMillis = new double[capacity];
		this.pinotMillis = new double[capacity];
		this.docsScanned = new long[capacity];
	}

	/**
	 * Records one run.
	 * @param clientMillis latency seen by the client, request to parsed answer
	 * @param response the broker's answer
	 */
	void add(double clientMillis, JsonNode response) {
		this.clientMillis[this.count] = clientMillis;
		this.pinotMillis[this.count] = response.path("timeUsedMs").asDouble();
		this.docsScanned[this.count] = response.path("numDocsScanned").asLong();
		this.count++;
		this.segmentsQueried = response.path("numSegmentsQueried").asLong();
		this.consumingSegmentsQueried = response.path("numConsumingSegmentsQueried").asLong();
		this.totalDocs = response.path("totalDocs").asLong();
	}

	QueryStats stats(BenchQuery query, Variant variant, String sql) {
		if (this.count == 0) {
			throw new IllegalStateException("No measured runs of query " + query.id() + " on " + variant.id());
		}
		return new QueryStats(query.id(), variant.id(), sql,
				Percentiles.summarize(Arrays.copyOf(this.clientMillis, this.count)),
				Percentiles.summarize(Arrays.copyOf(this.pinotMillis, this.count)),
				Percentiles.median(Arrays.copyOf(this.docsScanned, this.count)), this.totalDocs, this.segmentsQueried,
				this.consumingSegmentsQueried);
	}

}
