package io.flare.benchmarks.pinot;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flare.benchmarks.support.Cleanup;
import io.flare.benchmarks.support.MachineInfo;
import io.flare.benchmarks.support.ResultsWriter;
import io.flare.benchmarks.support.RunId;
import io.flare.infra.stack.LocalStack;
import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.PinotBroker;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The table-design benchmark: the repository's star-tree table against the same table
 * without the star-tree, fed the same events from the same topic, one after the other so
 * each has the machine to itself. Measures ingestion, query latency and freshness, and
 * compares them with the targets.
 */
public final class TableDesignBenchmark {

	/** The benchmark's name on the command line and in result file names. */
	public static final String NAME = "table-design";

	static final int PARTITIONS = 8;

	static final Duration EVENT_WINDOW = Duration.ofHours(2);

	private final StackProperties stack;

	private final TableDesignOptions options;

	private final String command;

	private final Path resultsFolder;

	private final PrintStream out;

	private final PinotController controller;

	private final PinotBroker broker;

	public TableDesignBenchmark(StackProperties stack, TableDesignOptions options, String command, Path resultsFolder,
			PrintStream out) {
		this.stack = stack;
		this.options = options;
		this.command = command;
		this.resultsFolder = resultsFolder;
		this.out = out;
		this.controller = new PinotController(stack.pinotControllerUrl());
		this.broker = new PinotBroker(stack.pinotBrokerUrl());
	}

	/**
	 * Runs every phase, writes the results file (also after a failure, with what was
	 * measured) and prints the summary.
	 * @return the exit status: 0 when every phase completed, 1 otherwise
	 */
	public int run() {
		RunId run = new RunId(Instant.now());
		BenchTopic topic = new BenchTopic(this.stack.kafkaBootstrap(), "bench-events-" + run.value());
		Map<Variant, String> tables = new EnumMap<>(Variant.class);
		Map<String, String> tableNames = new LinkedHashMap<>();
		for (Variant variant : this.options.variants()) {
			tables.put(variant, variant.tableName(run.value()));
			tableNames.put(variant.id(), variant.tableName(run.value()));
		}
		TableDesignResults results = new TableDesignResults(run, MachineInfo.current(), this.command, this.options,
				new TableDesignResults.Setup(topic.name(), PARTITIONS, tableNames, EVENT_WINDOW.toString()));
		Cleanup cleanup = new Cleanup(this.out);
		// Ctrl-C or SIGTERM mid-run: still drop the tables and topic (unless --keep),
		// never leave 5M rows behind
		Thread onExit = new Thread(() -> finish(cleanup), "table-design-cleanup");
		Runtime.getRuntime().addShutdownHook(onExit);
		RuntimeException failure = null;
		try {
			phases(run, topic, tables, results, cleanup);
		}
		catch (RuntimeException ex) {
			failure = ex;
			this.out.println("FAILED: " + ex.getMessage());
		}
		finally {
			finish(cleanup);
			Runtime.getRuntime().removeShutdownHook(onExit);
		}
		results.finish(failure);
		Path file = new ResultsWriter(this.resultsFolder).write(NAME, run, results.asJson());
		new SummaryPrinter(this.out).print(results, file);
		return (failure != null) ? 1 : 0;
	}

	private void phases(RunId run, BenchTopic topic, Map<Variant, String> tables, TableDesignResults results,
			Cleanup cleanup) {
		phase("1/6 local stack");
		new LocalStack(this.stack, this.out).ensureInfraUp();
		results.stack(new TableDesignResults.Stack(this.controller.version(), this.stack.kafkaBootstrap(),
				this.stack.pinotControllerUrl(), this.stack.pinotBrokerUrl()));
		TableVariants variants = TableVariants.load(this.stack.root(), this.options.tableConfig());
		results.starTrees(variants.starTrees());
		topic.create(PARTITIONS);
		cleanup.add("topic " + topic.name(), topic::delete);
		phase(String.format("2/6 produce %,d events to %s (%d partitions)", this.options.events(), topic.name(),
				PARTITIONS));
		EventLoader.ProduceResult produced = produce(run, topic);
		results.produce(produced);
		for (Variant variant : this.options.variants()) {
			phase("3/6 ingest into " + variant.id() + " table " + tables.get(variant));
			results.ingestion(variant, ingest(variant, tables.get(variant), variants, topic, cleanup));
		}
		phase(String.format("4/6 queries: %d warm-up + %d measured runs of each, per table", this.options.warmup(),
				this.options.queries()));
		SegmentCensus census = new SegmentCensus(this.controller, this.broker);
		QueryBenchmark queries = new QueryBenchmark(this.broker, census, this.out);
		long anchor = BenchQuery.anchor(produced.lastEventTime());
		results.queries(queries.run(tables, anchor, this.options.warmup(), this.options.queries()));
		if (!this.options.settleTimeout().isZero()) {
			phase("4/6 settle: wait for the flush time threshold to seal the consuming segments (at most "
					+ this.options.settleTimeout().toMinutes() + " min)");
			Duration waited = new SettlePhase(this.controller, census, this.out).awaitEmpty(tables.values(),
					this.options.settleTimeout());
			phase("4/6 queries again, settled: " + this.options.queries() + " measured runs of each, per table");
			results.queriesSettled(queries.run(tables, anchor, this.options.warmup(), this.options.queries()), waited);
		}
		results.freshness(freshness(run, topic, tables));
	}

	private EventLoader.ProduceResult produce(RunId run, BenchTopic topic) {
		EventTimeline timeline = new EventTimeline(run.start().toEpochMilli(), EVENT_WINDOW.toMillis(),
				this.options.events());
		try (KafkaProducer<String, byte[]> producer = Producers.bulk(this.stack.kafkaBootstrap())) {
			return new EventLoader(producer, topic.name(), this.out).produce(this.options.events(), this.options.seed(),
					timeline);
		}
	}

	/** Probes the star table (or the only one measured); the others are paused first. */
	private FreshnessResult freshness(RunId run, BenchTopic topic, Map<Variant, String> tables) {
		String probed = tables.getOrDefault(Variant.STAR, tables.get(this.options.variants().get(0)));
		phase("5/6 freshness of " + probed);
		List<String> others = new ArrayList<>(tables.values());
		others.remove(probed);
		FreshnessProbe probe = new FreshnessProbe(this.broker, this.stack.kafkaBootstrap(), topic.name(), probed,
				this.out);
		return new FreshnessPhase(this.controller, probe, this.out).run(probed, others, this.options, topic.name(),
				this.stack.kafkaBootstrap(), "probe-" + run.value());
	}

	private IngestionWatcher.IngestionResult ingest(Variant variant, String table, TableVariants variants,
			BenchTopic topic, Cleanup cleanup) {
		this.controller.createSchema(variants.schema(table));
		cleanup.add("schema " + table, () -> this.controller.deleteSchema(table));
		long created = System.nanoTime();
		this.controller.createTable(variants.table(variant, table, topic.name(), this.stack.kafkaBootstrap()));
		cleanup.add("table " + table, () -> this.controller.deleteTable(table));
		return new IngestionWatcher(this.broker, this.controller, this.out).await(table, this.options.events(), created,
				this.options.ingestTimeout());
	}

	private void finish(Cleanup cleanup) {
		if (this.options.keep()) {
			phase("6/6 keeping (--keep): " + cleanup.pending());
			return;
		}
		phase("6/6 clean up");
		cleanup.run();
	}

	private void phase(String title) {
		this.out.println("[" + LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + "Z] " + title);
	}

}
