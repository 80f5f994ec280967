package io.flare.benchmarks.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flare.benchmarks.pinot.PinotController;
import io.flare.benchmarks.pinot.TableVariants;
import io.flare.benchmarks.pinot.Variant;
import io.flare.benchmarks.support.Cleanup;

/**
 * The baseline of the star-tree comparison: the repository's {@code events} table without
 * its star-tree, under a name of the run's own, consuming the same {@code events} topic
 * from its start, so it holds the same events as {@code events}. The query service learns
 * of it from a catalog folder of the run's own (the repository's schema and table config,
 * plus this table's).
 */
final class PlainTable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final PinotController controller;

	private final TableVariants variants;

	private final String name;

	private final String bootstrap;

	PlainTable(PinotController controller, Path root, String runId, String bootstrap) {
		this.controller = controller;
		this.variants = TableVariants.load(root, Optional.empty());
		this.name = "bench_qplain_" + runId;
		this.bootstrap = bootstrap;
	}

	String name() {
		return this.name;
	}

	/** Creates the schema and table, registering their removal. */
	void create(Cleanup cleanup) {
		this.controller.createSchema(this.variants.schema(this.name));
		cleanup.add("schema " + this.name, () -> this.controller.deleteSchema(this.name));
		this.controller.createTable(plainConfig());
		cleanup.add("table " + this.name, () -> this.controller.deleteTable(this.name));
	}

	/**
	 * Waits until the table counts as many rows as {@code events} had when it was created
	 * (both read the same topic; the live feed only adds to both).
	 */
	void awaitCaughtUp(EventsData data, long expected, long createdNanos, Duration timeout) {
		data.awaitRows("SELECT COUNT(*) FROM " + this.name, expected, createdNanos, timeout);
	}

	/**
	 * Writes a Flare root for the query service: {@code schemas/} and
	 * {@code table-configs/} of the repository plus this table's, and an empty
	 * {@code metrics/}.
	 * @param root the repository root
	 * @param folder the new root, created
	 * @param cleanup registers its deletion
	 */
	void writeCatalog(Path root, Path folder, Cleanup cleanup) {
		try {
			Files.createDirectories(folder.resolve("metrics"));
			cleanup.add("catalog folder " + folder, () -> deleteTree(folder));
			for (String file : new String[] { TableVariants.SCHEMA_FILE, TableVariants.TABLE_FILE }) {
				Files.createDirectories(folder.resolve(file).getParent());
				Files.copy(root.resolve(file), folder.resolve(file));
			}
			JSON.writeValue(folder.resolve("schemas").resolve(this.name + ".schema.json").toFile(),
					this.variants.schema(this.name));
			JSON.writeValue(folder.resolve("table-configs").resolve(this.name + ".table.json").toFile(), plainConfig());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the catalog folder " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The plain variant without dedup: Pinot keeps every primary key of a dedup table in
	 * its heap, and a second copy of the run's keys is what filled a 4 GB heap when a
	 * second run loaded on the same stack (full collections of seconds, queries timing
	 * out). Dedup works at ingestion, not in queries; the table then also holds the live
	 * feed's duplicates (about 1% of its events) that {@code events} drops.
	 */
	ObjectNode plainConfig() {
		ObjectNode config = this.variants.table(Variant.PLAIN, this.name, EventsData.TOPIC, this.bootstrap);
		config.remove("dedupConfig");
		return config;
	}

	private static void deleteTree(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
