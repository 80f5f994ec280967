package io.flare.query.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.flare.query.compile.Aggregate;
import io.flare.query.compile.QueryPlan;
import io.flare.query.definition.Measure;
import io.flare.query.definition.MeasureType;
import io.flare.query.evaluate.MetricResult.Value;

/**
 * Turns Pinot rows into a metric's values: a pure function. Rows are
 * {@code dimensions..., aggregates...} (the bucket column already taken off). A rate
 * divides by the time its bucket or window had run when the rows were read
 * ({@code dataTime}: a result shared from a moment ago holds the counts of that moment,
 * not of now).
 */
final class Combiner {

	private Combiner() {
	}

	/** Tumbling: one value per bucket and group. */
	static List<Value> perBucket(QueryPlan plan, SortedMap<Long, List<List<Object>>> byBucket, long dataTime) {
		List<Value> values = new ArrayList<>();
		long size = plan.bucket().millis();
		byBucket.forEach((start, rows) -> {
			long elapsed = Math.max(1, Math.min(size, dataTime - start));
			for (List<Object> row : rows) {
				values.add(new Value(start, group(plan, row), finish(plan, aggregates(plan, row), elapsed), null));
			}
		});
		return values;
	}

	/**
	 * Sliding, additive measures: per-bucket partials merged per group over the window.
	 */
	static List<Value> merged(QueryPlan plan, SortedMap<Long, List<List<Object>>> byBucket, long dataTime) {
		Map<Map<String, Object>, double[]> groups = new LinkedHashMap<>();
		for (List<List<Object>> rows : byBucket.values()) {
			for (List<Object> row : rows) {
				double[] partial = aggregates(plan, row);
				groups.merge(group(plan, row), partial, (a, b) -> merge(plan.aggregates(), a, b));
			}
		}
		long elapsed = Math.max(1, Math.min(plan.windowEnd(), dataTime) - plan.windowStart());
		List<Value> values = new ArrayList<>();
		groups.forEach((group, partial) -> values.add(new Value(null, group, finish(plan, partial, elapsed), null)));
		return values;
	}

	/** One query over the whole window (sliding distinct, percentile, topK). */
	static List<Value> whole(QueryPlan plan, List<List<Object>> rows, long dataTime) {
		boolean ranked = plan.definition().measure().type() == MeasureType.TOP_K;
		long elapsed = Math.max(1, Math.min(plan.windowEnd(), dataTime) - plan.windowStart());
		List<Value> values = new ArrayList<>();
		for (List<Object> row : rows) {
			values.add(new Value(null, group(plan, row), finish(plan, aggregates(plan, row), elapsed),
					ranked ? values.size() + 1 : null));
		}
		return values;
	}

	private static double[] merge(List<Aggregate> aggregates, double[] a, double[] b) {
		double[] merged = new double[a.length];
		for (int i = 0; i < a.length; i++) {
			merged[i] = switch (aggregates.get(i).kind()) {
				case MIN -> Math.min(a[i], b[i]);
				case MAX -> Math.max(a[i], b[i]);
				default -> a[i] + b[i];
			};
		}
		return merged;
	}

	private static double finish(QueryPlan plan, double[] aggregates, long elapsedMillis) {
		Measure measure = plan.definition().measure();
		return switch (measure.type()) {
			case AVG -> (aggregates[1] == 0) ? 0 : aggregates[0] / aggregates[1];
			case RATE -> aggregates[0] * measure.per().millis() / elapsedMillis;
			default -> aggregates[0];
		};
	}

	private static Map<String, Object> group(QueryPlan plan, List<Object> row) {
		Map<String, Object> group = new LinkedHashMap<>();
		for (int i = 0; i < plan.dimensions().size(); i++) {
			group.put(plan.dimensions().get(i), row.get(i));
		}
		return group;
	}

	private static double[] aggregates(QueryPlan plan, List<Object> row) {
		int offset = plan.dimensions().size();
		double[] values = new double[plan.aggregates().size()];
		for (int i = 0; i < values.length; i++) {
			Object cell = row.get(offset + i);
			values[i] = (cell instanceof Number number) ? number.doubleValue() : Double.NaN;
		}
		return values;
	}

}
