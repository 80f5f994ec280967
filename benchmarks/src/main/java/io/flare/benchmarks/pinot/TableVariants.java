package io.flare.benchmarks.pinot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Derives each variant's schema and table config from the repository's files, changing
 * only what the benchmark must: the names, the topic, the broker list and, for
 * {@link Variant#PLAIN}, the star-tree.
 */
public final class TableVariants {

	public static final String SCHEMA_FILE = "schemas/events.schema.json";

	public static final String TABLE_FILE = "table-configs/events.table.json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String TOPIC = "stream.kafka.topic.name";

	private static final String BROKERS = "stream.kafka.broker.list";

	private final JsonNode schema;

	private final JsonNode table;

	TableVariants(JsonNode schema, JsonNode table) {
		this.schema = schema;
		this.table = table;
	}

	/**
	 * Reads the {@code events} schema and table config from the repository, or a
	 * candidate table config.
	 */
	public static TableVariants load(Path root, Optional<Path> candidateTable) {
		return new TableVariants(read(root.resolve(SCHEMA_FILE)),
				read(candidateTable.orElse(root.resolve(TABLE_FILE))));
	}

	/** The star-tree configs the {@link Variant#STAR} tables get, for the results. */
	JsonNode starTrees() {
		return this.table.path("tableIndexConfig").path("starTreeIndexConfigs").deepCopy();
	}

	/** The repository's schema, renamed. */
	public ObjectNode schema(String name) {
		ObjectNode copy = this.schema.deepCopy();
		copy.put("schemaName", name);
		return copy;
	}

	/** The repository's table config for a variant, renamed and pointed at the topic. */
	public ObjectNode table(Variant variant, String name, String topic, String bootstrap) {
		ObjectNode copy = this.table.deepCopy();
		copy.put("tableName", name);
		object(copy, "segmentsConfig").put("schemaName", name);
		List<ObjectNode> streams = streamConfigs(copy);
		if (streams.isEmpty()) {
			throw new IllegalStateException(TABLE_FILE + " has no stream config to point at the benchmark's topic");
		}
		for (ObjectNode stream : streams) {
			stream.put(TOPIC, topic);
			stream.put(BROKERS, bootstrap);
		}
		ObjectNode indexes = object(copy, "tableIndexConfig");
		if (variant == Variant.PLAIN) {
			indexes.remove("starTreeIndexConfigs");
			if (indexes.has("enableDefaultStarTree")) {
				indexes.put("enableDefaultStarTree", false);
			}
		}
		else if (indexes.path("starTreeIndexConfigs").isEmpty()) {
			throw new IllegalStateException(TABLE_FILE + " has no starTreeIndexConfigs: nothing to compare");
		}
		return copy;
	}

	/** Both places a stream config may live: the current one and 0.11's legacy one. */
	private static List<ObjectNode> streamConfigs(ObjectNode table) {
		List<ObjectNode> streams = new ArrayList<>();
		for (JsonNode map : table.path("ingestionConfig").path("streamIngestionConfig").path("streamConfigMaps")) {
			if (map instanceof ObjectNode stream) {
				streams.add(stream);
			}
		}
		if (table.path("tableIndexConfig").path("streamConfigs") instanceof ObjectNode legacy) {
			streams.add(legacy);
		}
		return streams;
	}

	private static ObjectNode object(ObjectNode parent, String field) {
		if (parent.get(field) instanceof ObjectNode child) {
			return child;
		}
		throw new IllegalStateException(TABLE_FILE + " has no '" + field + "' object");
	}

	private static JsonNode read(Path file) {
		try {
			return JSON.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

}
