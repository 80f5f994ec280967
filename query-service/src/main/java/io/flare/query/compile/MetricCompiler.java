package io.flare.query.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.flare.query.catalog.ColumnType;
import io.flare.query.catalog.StarTreeSpec;
import io.flare.query.catalog.TableSchema;
import io.flare.query.definition.BucketSize;
import io.flare.query.definition.Filter;
import io.flare.query.definition.Measure;
import io.flare.query.definition.MeasureType;
import io.flare.query.definition.MetricDefinition;
import io.flare.query.definition.Parameter;
import io.flare.query.definition.ParameterRef;
import io.flare.query.definition.WindowKind;

/**
 * Compiles a metric definition, request parameters and the evaluation time into Pinot
 * SQL: a pure function. The time range filters on the window's bucket column, aligned to
 * the bucket, so sealed segments can answer from the star-tree and are pruned by the
 * column's min/max.
 */
public final class MetricCompiler {

	/** The LIMIT of grouped queries: high enough for every group of a window. */
	public static final int MAX_ROWS = 100_000;

	private MetricCompiler() {
	}

	/**
	 * Compiles {@code definition} (already validated against {@code table}).
	 * @param request the request's parameter values by name
	 * @param now the evaluation time, epoch millis: the window ends with the bucket
	 * holding it
	 * @throws ParameterException listing unknown, missing and ill-typed parameters
	 */
	public static QueryPlan compile(MetricDefinition definition, TableSchema table, Map<String, String> request,
			long now) {
		Map<String, String> parameters = resolve(definition, table, request);
		BucketSize bucket = definition.window().bucket();
		long windowEnd = bucket.floor(now) + bucket.millis();
		long windowStart = windowEnd - definition.window().sizeDuration().toMillis();
		Measure measure = definition.measure();
		boolean perBucket = measure.type().additive() || definition.window().kind() == WindowKind.TUMBLING;
		List<String> dimensions = (measure.type() == MeasureType.TOP_K) ? List.of(measure.by()) : definition.groupBy();
		List<Aggregate> aggregates = aggregates(measure);
		String predicates = definition.filters()
			.stream()
			.map((filter) -> predicate(filter, table, parameters))
			.collect(Collectors.joining(" AND "));
		String tail = (measure.type() == MeasureType.TOP_K)
				? "ORDER BY " + aggregates.get(0).function() + " DESC, " + measure.by() + " LIMIT " + measure.k()
				: "LIMIT " + MAX_ROWS;
		StarTreeVerdict verdict = starTree(definition, table, dimensions, aggregates);
		return new QueryPlan(definition, parameters, now, bucket, windowStart, windowEnd, perBucket, dimensions,
				aggregates, predicates, tail, verdict);
	}

	static List<Aggregate> aggregates(Measure measure) {
		String column = measure.column();
		Aggregate count = new Aggregate("COUNT(*)", "COUNT__*", Aggregate.Kind.SUM);
		return switch (measure.type()) {
			case COUNT -> List.of(count);
			case SUM -> List.of(sum(column));
			case AVG -> List.of(sum(column), count);
			case MIN -> List.of(new Aggregate("MIN(" + column + ")", "MIN__" + column, Aggregate.Kind.MIN));
			case MAX -> List.of(new Aggregate("MAX(" + column + ")", "MAX__" + column, Aggregate.Kind.MAX));
			case RATE, TOP_K -> List.of((column != null) ? sum(column) : count);
			case DISTINCT -> List.of(new Aggregate("DISTINCTCOUNTHLL(" + column + ")", "DISTINCTCOUNTHLL__" + column,
					Aggregate.Kind.NONE));
			case PERCENTILE -> List
				.of(new Aggregate("PERCENTILETDIGEST(" + column + ", " + SqlLiterals.number(measure.percentile()) + ")",
						"PERCENTILETDIGEST__" + column, Aggregate.Kind.NONE));
		};
	}

	private static Aggregate sum(String column) {
		return new Aggregate("SUM(" + column + ")", "SUM__" + column, Aggregate.Kind.SUM);
	}

	private static Map<String, String> resolve(MetricDefinition definition, TableSchema table,
			Map<String, String> request) {
		List<String> errors = new ArrayList<>();
		request.keySet()
			.stream()
			.filter((name) -> !definition.parameters().containsKey(name))
			.sorted()
			.forEach((name) -> errors
				.add(name + ": unknown parameter; this metric takes " + definition.parameters().keySet()));
		Map<String, ColumnType> types = parameterTypes(definition, table);
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, Parameter> declared : definition.parameters().entrySet()) {
			String name = declared.getKey();
			String value = request.getOrDefault(name, declared.getValue().defaultValue());
			if (value == null) {
				errors.add(name + ": required (the metric has no default for it)");
				continue;
			}
			ColumnType type = types.getOrDefault(name, ColumnType.STRING);
			String mismatch = type.mismatch(value);
			if (mismatch != null) {
				errors.add(name + ": '" + value + "' " + mismatch);
			}
			values.put(name, value);
		}
		if (!errors.isEmpty()) {
			throw new ParameterException(errors);
		}
		return values;
	}

	private static Map<String, ColumnType> parameterTypes(MetricDefinition definition, TableSchema table) {
		Map<String, ColumnType> types = new LinkedHashMap<>();
		for (Filter filter : definition.filters()) {
			ColumnType type = table.type(filter.column()).orElse(ColumnType.STRING);
			filter.operands().forEach((operand) -> ParameterRef.name(operand).ifPresent((p) -> types.put(p, type)));
		}
		return types;
	}

	private static String predicate(Filter filter, TableSchema table, Map<String, String> parameters) {
		ColumnType type = table.type(filter.column())
			.orElseThrow(() -> new IllegalArgumentException("Unknown column " + filter.column()));
		String column = filter.column();
		return switch (filter.op()) {
			case EQ -> column + " = " + literal(filter.value(), type, parameters);
			case IN -> column + " IN ("
					+ filter.values()
						.stream()
						.map((value) -> literal(value, type, parameters))
						.collect(Collectors.joining(", "))
					+ ")";
			case RANGE -> range(filter, type, parameters);
		};
	}

	private static String range(Filter filter, ColumnType type, Map<String, String> parameters) {
		List<String> bounds = new ArrayList<>();
		if (filter.min() != null) {
			bounds.add(filter.column() + " >= " + literal(filter.min(), type, parameters));
		}
		if (filter.max() != null) {
			bounds.add(filter.column() + " < " + literal(filter.max(), type, parameters));
		}
		return String.join(" AND ", bounds);
	}

	private static String literal(String operand, ColumnType type, Map<String, String> parameters) {
		String value = ParameterRef.name(operand).map(parameters::get).orElse(operand);
		return SqlLiterals.render(value, type);
	}

	static StarTreeVerdict starTree(MetricDefinition definition, TableSchema table, List<String> dimensions,
			List<Aggregate> aggregates) {
		if (table.starTrees().isEmpty()) {
			return new StarTreeVerdict(false, List.of("table " + table.name() + " has no star-tree index"));
		}
		Set<String> columns = new LinkedHashSet<>();
		definition.filters().forEach((filter) -> columns.add(filter.column()));
		columns.addAll(dimensions);
		columns.add(definition.window().bucket().column());
		List<String> best = null;
		for (StarTreeSpec tree : table.starTrees()) {
			List<String> reasons = new ArrayList<>();
			for (String column : columns) {
				if (!tree.dimensions().contains(column)) {
					reasons.add("column '" + column + "' (filter or group-by) is not a star-tree dimension "
							+ tree.dimensions());
				}
			}
			for (Aggregate aggregate : aggregates) {
				if (!tree.functionColumnPairs().contains(aggregate.starTreePair())) {
					reasons.add(aggregate.function() + " needs the pair " + aggregate.starTreePair()
							+ ", which the star-tree does not pre-aggregate " + tree.functionColumnPairs());
				}
			}
			if (reasons.isEmpty()) {
				return new StarTreeVerdict(true, List.of());
			}
			if (best == null || reasons.size() < best.size()) {
				best = reasons;
			}
		}
		return new StarTreeVerdict(false, best);
	}

}
