package io.flare.query.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flare.query.catalog.ColumnType;
import io.flare.query.catalog.TableCatalog;
import io.flare.query.catalog.TableSchema;
import io.flare.query.compile.MetricCompiler;
import io.flare.query.compile.QueryPlan;
import io.flare.query.definition.DefinitionValidator;
import io.flare.query.definition.Filter;
import io.flare.query.definition.InvalidDefinitionException;
import io.flare.query.definition.MetricDefinition;
import io.flare.query.definition.ParameterRef;
import io.flare.query.pinot.MetricQueryExecutor;
import io.flare.query.pinot.QueryExecutionException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Decides whether a definition may enter the registry: the validator first (every problem
 * at once), then a dry run of its SQL against Pinot with {@code LIMIT 0}, which catches
 * what only Pinot knows (functions, the live table's columns).
 */
@Component
public class DefinitionAdmission {

	private final TableCatalog catalog;

	private final MetricQueryExecutor executor;

	private final RegistryProperties properties;

	DefinitionAdmission(TableCatalog catalog, MetricQueryExecutor executor, RegistryProperties properties) {
		this.catalog = catalog;
		this.executor = executor;
		this.properties = properties;
	}

	/**
	 * Validates statically.
	 * @throws InvalidDefinitionException listing every problem
	 */
	public void validate(MetricDefinition definition) {
		List<String> errors = DefinitionValidator.validate(definition, this.catalog);
		if (!errors.isEmpty()) {
			throw new InvalidDefinitionException("Metric definition '" + definition.name() + "'", errors);
		}
	}

	/**
	 * Validates, then dry-runs. Completes empty when admitted; errors with
	 * {@link InvalidDefinitionException} when Pinot rejects the SQL, or with a retriable
	 * {@link QueryExecutionException} when Pinot cannot be asked.
	 */
	public Mono<Void> admit(MetricDefinition definition) {
		return Mono.fromRunnable(() -> validate(definition)).then(Mono.defer(() -> dryRun(definition)));
	}

	/**
	 * The SQL of the dry run: the definition compiled with defaults (or typed
	 * placeholders), LIMIT 0.
	 */
	public String dryRunSql(MetricDefinition definition) {
		TableSchema table = this.catalog.table(definition.table()).orElseThrow();
		QueryPlan plan = MetricCompiler.compile(definition, table, placeholders(definition, table),
				System.currentTimeMillis());
		// Pinot 0.11 answers GROUP BY ... ORDER BY ... LIMIT 0 with HTTP 500 (an index
		// out of
		// bounds in the broker's reduce) once rows match: the dry run leaves ORDER BY out
		return plan.sql().replaceFirst(" ORDER BY .* LIMIT \\d+$", " LIMIT 0").replaceFirst("LIMIT \\d+$", "LIMIT 0");
	}

	private Mono<Void> dryRun(MetricDefinition definition) {
		return this.executor.execute(dryRunSql(definition), this.properties.dryRunTimeout())
			.onErrorMap((ex) -> ex instanceof QueryExecutionException query && !query.retriable(),
					(ex) -> new InvalidDefinitionException("Metric definition '" + definition.name() + "'",
							List.of("dry run: " + ex.getMessage())))
			.then();
	}

	private static Map<String, String> placeholders(MetricDefinition definition, TableSchema table) {
		Map<String, String> values = new HashMap<>();
		for (Filter filter : definition.filters()) {
			ColumnType type = table.type(filter.column()).orElse(ColumnType.STRING);
			for (String operand : new ArrayList<>(filter.operands())) {
				ParameterRef.name(operand)
					.filter((name) -> definition.parameters().get(name).defaultValue() == null)
					.ifPresent((name) -> values.put(name, type.numeric() ? "0" : "dry-run"));
			}
		}
		return values;
	}

}
