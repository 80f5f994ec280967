package io.flare.query.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flare.query.TestCatalogs;
import io.flare.query.definition.BucketSize;
import io.flare.query.definition.Filter;
import io.flare.query.definition.InvalidDefinitionException;
import io.flare.query.definition.Measure;
import io.flare.query.definition.MeasureType;
import io.flare.query.definition.MetricDefinition;
import io.flare.query.definition.Parameter;
import io.flare.query.definition.Window;
import io.flare.query.definition.WindowKind;
import io.flare.query.pinot.MetricQueryExecutor;
import io.flare.query.pinot.QueryExecutionException;
import io.flare.query.pinot.QueryExecutionException.Kind;
import io.flare.query.pinot.QueryResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DefinitionAdmissionTests {

	private static final MetricDefinition SALES = new MetricDefinition("sales", null, "events", Measure.count(),
			List.of(Filter.eq("entityId", "${show}"), Filter.range("value", "${min}", null)), List.of(),
			new Window("5m", BucketSize.ONE_MINUTE, WindowKind.SLIDING),
			Map.of("show", Parameter.required(), "min", Parameter.withDefault("10")));

	private final List<String> ran = new ArrayList<>();

	@Test
	void shouldDryRunWithDefaultsAndTypedPlaceholdersAndLimitZero() {
		admission(Mono.just(new QueryResult(List.of(), List.of(), List.of(), QueryResult.QueryStats.NONE))).admit(SALES)
			.block();
		assertThat(this.ran).singleElement()
			.asString()
			.startsWith("SELECT bucket1m, COUNT(*) FROM events WHERE entityId = 'dry-run' AND value >= 10 AND")
			.endsWith("LIMIT 0");
	}

	@Test
	void shouldLeaveOrderByOutOfTheDryRunOfATopK() {
		MetricDefinition top = new MetricDefinition("top", null, "events",
				new Measure(MeasureType.TOP_K, null, null, null, "entityId", 10), List.of(), List.of(),
				new Window("5m", BucketSize.ONE_MINUTE, WindowKind.SLIDING), Map.of());
		assertThat(admission(Mono.empty()).dryRunSql(top)).startsWith("SELECT entityId, COUNT(*) FROM events WHERE")
			.endsWith(" GROUP BY entityId LIMIT 0");
	}

	@Test
	void shouldRefuseADefinitionPinotRejects() {
		DefinitionAdmission admission = admission(Mono.error(new QueryExecutionException(Kind.REJECTED,
				"Pinot rejected the query: UnknownColumnError: Unknown columnName 'value'")));
		InvalidDefinitionException ex = assertThrows(InvalidDefinitionException.class,
				() -> admission.admit(SALES).block());
		assertThat(ex.errors())
			.containsExactly("dry run: Pinot rejected the query: UnknownColumnError: Unknown columnName 'value'");
	}

	@Test
	void shouldLetARetriableFailurePassThroughUntouched() {
		DefinitionAdmission admission = admission(
				Mono.error(new QueryExecutionException(Kind.UNAVAILABLE, "Pinot is unreachable")));
		QueryExecutionException ex = assertThrows(QueryExecutionException.class, () -> admission.admit(SALES).block());
		assertThat(ex.retriable()).isTrue();
	}

	private DefinitionAdmission admission(Mono<QueryResult> answer) {
		MetricQueryExecutor executor = new MetricQueryExecutor() {

			@Override
			public Mono<QueryResult> execute(String sql) {
				DefinitionAdmissionTests.this.ran.add(sql);
				return answer;
			}

			@Override
			public Mono<QueryResult> execute(String sql, Duration timeout) {
				return execute(sql);
			}

		};
		return new DefinitionAdmission(TestCatalogs.catalog(), executor,
				new RegistryProperties(Duration.ofSeconds(1), true, Duration.ofSeconds(5)));
	}

}
