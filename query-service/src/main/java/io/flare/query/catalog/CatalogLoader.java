package io.flare.query.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the catalog from the repository's single source of truth: {@code schemas/*.json}
 * and {@code table-configs/*.json} under the Flare root.
 */
public final class CatalogLoader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CatalogLoader() {
	}

	/**
	 * Loads every table config under {@code root/table-configs} with the schema it names.
	 * @throws IllegalStateException naming the file that cannot be read
	 */
	public static TableCatalog load(Path root) {
		Map<String, TableSchema> tables = new HashMap<>();
		Path configs = root.resolve("table-configs");
		for (Path file : jsonFiles(configs)) {
			JsonNode table = read(file);
			String name = table.path("tableName").asString();
			String schemaName = table.path("segmentsConfig").path("schemaName").asString(name);
			Map<String, ColumnType> columns = columns(
					read(root.resolve("schemas").resolve(schemaName + ".schema.json")));
			tables.put(name, new TableSchema(name, columns, starTrees(table)));
		}
		return new TableCatalog(tables);
	}

	private static Map<String, ColumnType> columns(JsonNode schema) {
		Map<String, ColumnType> columns = new HashMap<>();
		for (String specs : List.of("dimensionFieldSpecs", "metricFieldSpecs", "dateTimeFieldSpecs")) {
			for (JsonNode field : schema.path(specs)) {
				columns.put(field.path("name").asString(), ColumnType.ofPinot(field.path("dataType").asString()));
			}
		}
		return columns;
	}

	private static List<StarTreeSpec> starTrees(JsonNode table) {
		List<StarTreeSpec> trees = new ArrayList<>();
		for (JsonNode tree : table.path("tableIndexConfig").path("starTreeIndexConfigs")) {
			List<String> dimensions = new ArrayList<>();
			tree.path("dimensionsSplitOrder").forEach((node) -> dimensions.add(node.asString()));
			Set<String> pairs = new LinkedHashSet<>();
			tree.path("functionColumnPairs").forEach((node) -> pairs.add(node.asString()));
			trees.add(new StarTreeSpec(dimensions, pairs));
		}
		return trees;
	}

	private static List<Path> jsonFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list table configs in " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static JsonNode read(Path file) {
		try {
			return JSON.readTree(Files.readString(file));
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

}
