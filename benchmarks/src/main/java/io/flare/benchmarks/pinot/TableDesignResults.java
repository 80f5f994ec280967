package io.flare.benchmarks.pinot;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flare.benchmarks.support.MachineInfo;
import io.flare.benchmarks.support.RunId;
import org.jspecify.annotations.Nullable;

/**
 * A table-design run's findings, filled in phase by phase, written as one JSON document
 * whose sections keep the phases' order (and are absent for phases a failure skipped).
 */
final class TableDesignResults {

	private final Map<String, Object> json = new LinkedHashMap<>();

	private final Map<Variant, IngestionWatcher.IngestionResult> ingestion = new EnumMap<>(Variant.class);

	private EventLoader.@Nullable ProduceResult produce;

	private @Nullable QueryResults queries;

	private @Nullable QueryResults queriesSettled;

	private @Nullable FreshnessResult freshness;

	private List<Target> targets = List.of();

	private List<Target> targetsSettled = List.of();

	TableDesignResults(RunId run, MachineInfo machine, String command, TableDesignOptions options, Setup setup) {
		this.json.put("benchmark", TableDesignBenchmark.NAME);
		this.json.put("date", run.start().toString());
		this.json.put("runId", run.value());
		this.json.put("machine", machine);
		this.json.put("command", command);
		this.json.put("events", options.events());
		this.json.put("options", options.describe());
		this.json.put("setup", setup);
	}

	void starTrees(Object starTreeIndexConfigs) {
		this.json.put("starTreeIndexConfigs", starTreeIndexConfigs);
	}

	void stack(Stack stack) {
		this.json.put("stack", stack);
	}

	void produce(EventLoader.ProduceResult result) {
		this.produce = result;
		this.json.put("produce", result);
	}

	void ingestion(Variant variant, IngestionWatcher.IngestionResult result) {
		this.ingestion.put(variant, result);
		Map<String, Object> byVariant = new LinkedHashMap<>();
		this.ingestion.forEach((key, value) -> byVariant.put(key.id(), value));
		this.json.put("ingestion", byVariant);
	}

	void queries(QueryResults result) {
		this.queries = result;
		this.json.put("queries", result);
	}

	void queriesSettled(QueryResults result, java.time.@Nullable Duration waited) {
		this.queriesSettled = result;
		this.json.put("queriesSettled", result);
		this.json.put("settledAfterSeconds", (waited != null) ? waited.toSeconds() : null);
	}

	void freshness(FreshnessResult result) {
		this.freshness = result;
		this.json.put("freshness", result);
	}

	/** Adds the status and the targets; call once, last. */
	void finish(@Nullable Throwable failure) {
		this.json.put("status", (failure != null) ? "failed" : "complete");
		if (failure != null) {
			this.json.put("error", String.valueOf(failure.getMessage()));
		}
		this.targets = Target.evaluate(this.ingestion.get(Variant.STAR), this.queries);
		this.json.put("targets", this.targets);
		if (this.queriesSettled != null) {
			this.targetsSettled = Target.evaluate(this.ingestion.get(Variant.STAR), this.queriesSettled);
			this.json.put("targetsSettled", this.targetsSettled);
		}
	}

	Map<String, Object> asJson() {
		return Collections.unmodifiableMap(this.json);
	}

	EventLoader.@Nullable ProduceResult produce() {
		return this.produce;
	}

	Map<Variant, IngestionWatcher.IngestionResult> ingestion() {
		return this.ingestion;
	}

	@Nullable QueryResults queries() {
		return this.queries;
	}

	@Nullable QueryResults queriesSettled() {
		return this.queriesSettled;
	}

	List<Target> targetsSettled() {
		return this.targetsSettled;
	}

	@Nullable FreshnessResult freshness() {
		return this.freshness;
	}

	List<Target> targets() {
		return this.targets;
	}

	/**
	 * What the run set up.
	 *
	 * @param topic the run's Kafka topic
	 * @param partitions its partitions
	 * @param tables Pinot table (and schema) name per variant
	 * @param eventWindow how far back from the run's start the event times spread
	 */
	record Setup(String topic, int partitions, Map<String, String> tables, String eventWindow) {
	}

	/**
	 * The stack measured.
	 *
	 * @param pinotVersion the controller's version
	 * @param kafka the Kafka bootstrap address
	 * @param pinotController the controller's URL
	 * @param pinotBroker the broker's URL
	 */
	record Stack(String pinotVersion, String kafka, String pinotController, String pinotBroker) {
	}

}
