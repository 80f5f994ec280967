package io.flare.query.definition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.flare.query.catalog.ColumnType;
import io.flare.query.catalog.TableCatalog;
import io.flare.query.catalog.TableSchema;

/**
 * Checks a definition against the tables it reads and reports every problem at once, each
 * message starting with the field it is about.
 */
public final class DefinitionValidator {

	/** The shortest window. */
	public static final Duration MIN_WINDOW = Duration.ofMinutes(1);

	/** The longest window. */
	public static final Duration MAX_WINDOW = Duration.ofHours(24);

	private DefinitionValidator() {
	}

	/**
	 * Validates {@code definition} against {@code catalog}.
	 * @return every problem found, empty when the definition is valid
	 */
	public static List<String> validate(MetricDefinition definition, TableCatalog catalog) {
		List<String> errors = new ArrayList<>();
		validateWindow(definition, errors);
		Optional<TableSchema> table = catalog.table(definition.table());
		if (table.isEmpty()) {
			errors.add("table: unknown table '" + definition.table() + "'; known: " + catalog.names());
			return errors;
		}
		Context context = new Context(table.get(), definition.parameters(), errors, new HashSet<>());
		validateMeasure(definition, context);
		for (int i = 0; i < definition.filters().size(); i++) {
			validateFilter("filters[" + i + "]", definition.filters().get(i), context);
		}
		validateGroupBy(definition, context);
		for (String declared : definition.parameters().keySet()) {
			if (!ParameterRef.NAME.matcher(declared).matches()) {
				errors.add("parameters." + declared + ": a parameter name is letters, digits and _, at most 64");
			}
			else if (!context.used().contains(declared)) {
				errors.add("parameters." + declared + ": declared but no filter refers to ${" + declared + "}");
			}
		}
		return errors;
	}

	private static void validateWindow(MetricDefinition definition, List<String> errors) {
		Window window = definition.window();
		Duration size = window.sizeDuration();
		if (size.compareTo(MIN_WINDOW) < 0 || size.compareTo(MAX_WINDOW) > 0) {
			errors.add("window.size: must be between 1m and 24h, was " + window.size());
		}
		if (size.toMillis() % window.bucket().millis() != 0) {
			errors.add("window.size: " + window.size() + " is not a multiple of the bucket " + window.bucket().text());
		}
		if (definition.measure().type() == MeasureType.TOP_K && window.kind() == WindowKind.TUMBLING) {
			errors.add("window.kind: topK needs a sliding window (one ranking over the whole window)");
		}
	}

	private static void validateMeasure(MetricDefinition definition, Context context) {
		Measure measure = definition.measure();
		switch (measure.type()) {
			case COUNT ->
				forbid(measure.column() != null, "measure.column: count counts events and takes no column", context);
			case SUM, AVG, MIN, MAX, PERCENTILE -> numericColumn(measure.column(), true, context);
			case RATE -> {
				numericColumn(measure.column(), false, context);
				forbid(measure.per() == null, "measure.per: rate needs per: second or per: minute", context);
			}
			case DISTINCT -> dimension("measure.column", measure.column(), true, context);
			case TOP_K -> {
				dimension("measure.by", measure.by(), true, context);
				numericColumn(measure.column(), false, context);
				forbid(!definition.groupBy().isEmpty(), "groupBy: topK ranks one dimension and cannot be grouped",
						context);
			}
			default -> throw new IllegalStateException("Unhandled measure " + measure.type());
		}
		forbid(measure.type() == MeasureType.PERCENTILE && measure.percentile() == null,
				"measure.percentile: percentile needs a percentile in (0, 100], e.g. 95", context);
		forbid(measure.type() != MeasureType.PERCENTILE && measure.percentile() != null,
				"measure.percentile: only applies to type percentile", context);
		forbid(measure.type() != MeasureType.RATE && measure.per() != null, "measure.per: only applies to type rate",
				context);
		forbid(measure.type() != MeasureType.TOP_K && measure.by() != null, "measure.by: only applies to type topK",
				context);
	}

	private static void numericColumn(String column, boolean required, Context context) {
		if (column == null) {
			forbid(required, "measure.column: is required for this measure", context);
			return;
		}
		Optional<ColumnType> type = context.table().type(column);
		if (type.isEmpty()) {
			context.errors().add("measure.column: unknown column '" + column + "' in table " + context.table().name());
		}
		else if (!type.get().numeric()) {
			context.errors()
				.add("measure.column: '" + column + "' is " + type.get() + ", this measure needs a numeric column");
		}
	}

	private static void dimension(String field, String column, boolean required, Context context) {
		if (column == null) {
			forbid(required, field + ": is required for this measure", context);
			return;
		}
		Optional<ColumnType> type = context.table().type(column);
		if (type.isEmpty()) {
			context.errors().add(field + ": unknown column '" + column + "' in table " + context.table().name());
		}
		else if (type.get() == ColumnType.JSON || type.get() == ColumnType.OTHER) {
			context.errors().add(field + ": '" + column + "' is " + type.get() + " and cannot be grouped or counted");
		}
	}

	private static void validateFilter(String field, Filter filter, Context context) {
		Optional<ColumnType> type = context.table().type(filter.column());
		if (type.isEmpty()) {
			context.errors()
				.add(field + ".column: unknown column '" + filter.column() + "' in table " + context.table().name());
			return;
		}
		if (filter.op() == FilterOp.RANGE && !type.get().numeric()) {
			context.errors()
				.add(field + ".op: range needs a numeric column, '" + filter.column() + "' is " + type.get());
		}
		for (String operand : filter.operands()) {
			validateOperand(field, filter.column(), type.get(), operand, context);
		}
	}

	private static void validateOperand(String field, String column, ColumnType type, String operand, Context context) {
		if (ParameterRef.isMalformed(operand)) {
			context.errors().add(field + ": '" + operand + "' is not a parameter reference of the form ${name}");
			return;
		}
		Optional<String> parameter = ParameterRef.name(operand);
		if (parameter.isEmpty()) {
			String mismatch = type.mismatch(operand);
			if (mismatch != null) {
				context.errors().add(field + ": '" + operand + "' " + mismatch + " (column " + column + ")");
			}
			return;
		}
		context.used().add(parameter.get());
		Parameter declared = context.parameters().get(parameter.get());
		if (declared == null) {
			context.errors().add(field + ": ${" + parameter.get() + "} is not declared in parameters");
		}
		else if (declared.defaultValue() != null && type.mismatch(declared.defaultValue()) != null) {
			context.errors()
				.add("parameters." + parameter.get() + ".default: '" + declared.defaultValue() + "' "
						+ type.mismatch(declared.defaultValue()) + " (column " + column + ")");
		}
	}

	private static void validateGroupBy(MetricDefinition definition, Context context) {
		Set<String> seen = new LinkedHashSet<>();
		for (String column : definition.groupBy()) {
			if (!seen.add(column)) {
				context.errors().add("groupBy: '" + column + "' appears twice");
			}
			else if (BucketSize.isBucketColumn(column)) {
				context.errors()
					.add("groupBy: '" + column + "' is a bucket column; the window's bucket groups by time");
			}
			else {
				dimension("groupBy", column, true, context);
			}
		}
	}

	private static void forbid(boolean condition, String message, Context context) {
		if (condition) {
			context.errors().add(message);
		}
	}

	private record Context(TableSchema table, Map<String, Parameter> parameters, List<String> errors,
			Set<String> used) {

	}

}
