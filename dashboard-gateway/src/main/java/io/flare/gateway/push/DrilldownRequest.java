package io.flare.gateway.push;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The payload of {@code metrics.drilldown}: the raw events behind one bucket of a metric.
 *
 * @param metric the metric's name
 * @param params its parameters (absent: the defaults)
 * @param bucket the bucket's start, epoch milliseconds, as the result's {@code buckets}
 * give it
 * @param page the page, from 0 (absent: 0)
 * @param size events per page, 1 to {@value #MAX_SIZE} (absent: {@value #DEFAULT_SIZE})
 */
public record DrilldownRequest(@Nullable String metric, @Nullable Map<String, String> params, @Nullable Long bucket,
		@Nullable Integer page, @Nullable Integer size) {

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	/** The request as a metric request, for authorisation. */
	MetricRequest metricRequest() {
		return new MetricRequest(this.metric, this.params);
	}

	long requireBucket() {
		if (this.bucket == null) {
			throw new IllegalArgumentException("bucket is required: the start of a bucket of the metric's result");
		}
		return this.bucket;
	}

	int pageOrFirst() {
		int value = (this.page != null) ? this.page : 0;
		if (value < 0) {
			throw new IllegalArgumentException("page must be 0 or more, got " + value);
		}
		return value;
	}

	int sizeOrDefault() {
		int value = (this.size != null) ? this.size : DEFAULT_SIZE;
		if (value < 1 || value > MAX_SIZE) {
			throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ", got " + value);
		}
		return value;
	}

}
