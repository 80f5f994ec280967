package io.flare.query.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flare.query.definition.BucketSize;
import io.flare.query.definition.MetricDefinition;

/**
 * A metric compiled for one evaluation: the window's buckets and the SQL that reads any
 * contiguous range of them.
 * <p>
 * When {@link #perBucket()} the SQL groups by the bucket column (rows: bucket,
 * dimensions, aggregates), so each bucket's partial result stands alone and final buckets
 * can be cached one by one; otherwise (sliding distinct, percentile, topK) it is one
 * query over the whole window (rows: dimensions, aggregates).
 *
 * @param definition the metric
 * @param parameters the parameter values used (request or default)
 * @param now the evaluation time, epoch millis
 * @param bucket the window's bucket
 * @param windowStart the first bucket's start, epoch millis
 * @param windowEnd the end of the last bucket (the one holding {@code now}), exclusive
 * @param perBucket whether rows are per bucket
 * @param dimensions the group-by dimensions in the select list (topK: its {@code by})
 * @param aggregates the aggregations in the select list
 * @param predicates the rendered filters, without the time range ("" when none)
 * @param tail what follows GROUP BY: ORDER BY (topK) and LIMIT
 * @param starTree the star-tree verdict
 */
public record QueryPlan(MetricDefinition definition, Map<String, String> parameters, long now, BucketSize bucket,
		long windowStart, long windowEnd, boolean perBucket, List<String> dimensions, List<Aggregate> aggregates,
		String predicates, String tail, StarTreeVerdict starTree) {

	/** Copies the collections. */
	public QueryPlan {
		parameters = Map.copyOf(parameters);
		dimensions = List.copyOf(dimensions);
		aggregates = List.copyOf(aggregates);
	}

	/**
	 * The same evaluation over the window one bucket earlier (what was answered just
	 * before the window moved on).
	 */
	public QueryPlan previousWindow() {
		long size = this.bucket.millis();
		return new QueryPlan(this.definition, this.parameters, this.now, this.bucket, this.windowStart - size,
				this.windowEnd - size, this.perBucket, this.dimensions, this.aggregates, this.predicates, this.tail,
				this.starTree);
	}

	/** The SQL over the whole window. */
	public String sql() {
		return sql(this.windowStart, this.windowEnd);
	}

	/**
	 * The SQL over the buckets in {@code [from, to)}.
	 * @param from the first bucket's start (aligned)
	 * @param to the end of the last bucket (aligned), exclusive
	 */
	public String sql(long from, long to) {
		return render(Long.toString(from), Long.toString(to));
	}

	/**
	 * The SQL with the time range left out: equal shapes give equal results for equal
	 * ranges, so it keys the cache.
	 */
	public String shape() {
		return render("?", "?");
	}

	/**
	 * The raw events behind one bucket, in event-time order, one page of them.
	 * @param bucketStart the bucket's start (aligned)
	 * @param offset rows to skip
	 * @param limit rows to return
	 */
	public String drilldownSql(long bucketStart, int offset, int limit) {
		String column = this.bucket.column();
		StringBuilder sql = new StringBuilder("SELECT * FROM ").append(this.definition.table()).append(" WHERE ");
		if (!this.predicates.isEmpty()) {
			sql.append(this.predicates).append(" AND ");
		}
		return sql.append(column)
			.append(" = ")
			.append(bucketStart)
			.append(" ORDER BY eventTime, eventId LIMIT ")
			.append(limit)
			.append(" OFFSET ")
			.append(offset)
			.toString();
	}

	/** The start of every bucket in the window, oldest first. */
	public List<Long> bucketStarts() {
		List<Long> starts = new ArrayList<>();
		for (long start = this.windowStart; start < this.windowEnd; start += this.bucket.millis()) {
			starts.add(start);
		}
		return starts;
	}

	private String render(String from, String to) {
		String column = this.bucket.column();
		List<String> select = new ArrayList<>();
		List<String> groupBy = new ArrayList<>();
		if (this.perBucket) {
			select.add(column);
			groupBy.add(column);
		}
		select.addAll(this.dimensions);
		groupBy.addAll(this.dimensions);
		this.aggregates.forEach((aggregate) -> select.add(aggregate.function()));
		StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
			.append(" FROM ")
			.append(this.definition.table())
			.append(" WHERE ");
		if (!this.predicates.isEmpty()) {
			sql.append(this.predicates).append(" AND ");
		}
		sql.append(column).append(" >= ").append(from).append(" AND ").append(column).append(" < ").append(to);
		if (!groupBy.isEmpty()) {
			sql.append(" GROUP BY ").append(String.join(", ", groupBy));
		}
		return sql.append(' ').append(this.tail).toString();
	}

}
