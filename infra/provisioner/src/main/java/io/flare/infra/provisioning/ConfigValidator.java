package io.flare.infra.provisioning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks the repository's schema and table-config files against each other before
 * anything is applied, and returns every problem at once, each naming its file.
 */
public final class ConfigValidator {

	/** Aggregation functions Pinot 0.11's star-tree can pre-aggregate. */
	public static final Set<String> STAR_TREE_FUNCTIONS = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG", "MINMAXRANGE",
			"DISTINCTCOUNTHLL", "DISTINCTCOUNTBITMAP", "PERCENTILEEST", "PERCENTILETDIGEST");

	private static final String[] INDEX_LISTS = { "invertedIndexColumns", "rangeIndexColumns", "noDictionaryColumns",
			"jsonIndexColumns", "sortedColumn", "bloomFilterColumns", "onHeapDictionaryColumns",
			"varLengthDictionaryColumns" };

	private static final String[] FIELD_SPEC_LISTS = { "dimensionFieldSpecs", "metricFieldSpecs",
			"dateTimeFieldSpecs" };

	private ConfigValidator() {
	}

	/**
	 * Checks all files.
	 * @param configs the parsed files
	 * @param provisionedTopics the topics the provisioner creates; every table must
	 * consume one of them
	 * @return the problems, empty when the files are consistent
	 */
	public static List<String> check(RepositoryConfigs configs, Set<String> provisionedTopics) {
		List<String> problems = new ArrayList<>();
		Map<String, ConfigFile> schemas = checkSchemas(configs.schemas(), problems);
		Set<String> tableNames = new HashSet<>();
		for (ConfigFile table : configs.tables()) {
			if (!tableNames.add(table.tableNameWithType())) {
				problems
					.add(table.path() + ": table '" + table.tableNameWithType() + "' is defined by another file too");
			}
			checkTable(table, schemas, provisionedTopics, problems);
		}
		return problems;
	}

	/**
	 * The columns a schema defines, with their field type.
	 * @param schema the schema file
	 * @return column name to {@code dimension}, {@code metric} or {@code dateTime}
	 */
	public static Map<String, String> columns(ConfigFile schema) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (String list : FIELD_SPEC_LISTS) {
			String kind = list.substring(0, list.indexOf("FieldSpecs"));
			schema.json().path(list).forEach((spec) -> columns.put(spec.path("name").asText(""), kind));
		}
		return columns;
	}

	private static Map<String, ConfigFile> checkSchemas(List<ConfigFile> files, List<String> problems) {
		Map<String, ConfigFile> schemas = new LinkedHashMap<>();
		for (ConfigFile file : files) {
			String name = file.schemaName();
			if (name.isEmpty()) {
				problems.add(file.path() + ": has no schemaName");
				continue;
			}
			ConfigFile previous = schemas.putIfAbsent(name, file);
			if (previous != null) {
				problems.add(file.path() + ": schema '" + name + "' is already defined by " + previous.path());
			}
			checkFieldSpecs(file, problems);
			for (String key : Json.texts(file.json(), "primaryKeyColumns")) {
				if (!columns(file).containsKey(key)) {
					problems
						.add(file.path() + ": primaryKeyColumns names column '" + key + "', which it does not define");
				}
			}
		}
		return schemas;
	}

	private static void checkFieldSpecs(ConfigFile file, List<String> problems) {
		Set<String> seen = new HashSet<>();
		for (String list : FIELD_SPEC_LISTS) {
			for (JsonNode spec : file.json().path(list)) {
				String name = spec.path("name").asText("");
				if (name.isEmpty() || spec.path("dataType").asText("").isEmpty()) {
					problems.add(file.path() + ": every entry of " + list + " needs a name and a dataType");
				}
				else if (!seen.add(name)) {
					problems.add(file.path() + ": column '" + name + "' is defined twice");
				}
			}
		}
	}

	private static void checkTable(ConfigFile table, Map<String, ConfigFile> schemas, Set<String> topics,
			List<String> problems) {
		if (table.tableName().isEmpty()) {
			problems.add(table.path() + ": has no tableName");
			return;
		}
		if (!Set.of("OFFLINE", "REALTIME").contains(table.tableType())) {
			problems.add(table.path() + ": tableType must be OFFLINE or REALTIME, got '" + table.tableType() + "'");
			return;
		}
		ConfigFile schema = schemas.get(table.tableSchemaName());
		if (schema == null) {
			problems.add(table.path() + ": names schema '" + table.tableSchemaName() + "', but no file in "
					+ RepositoryConfigs.SCHEMAS_DIR + "/ defines it");
			return;
		}
		TableCheck check = new TableCheck(table, schema, problems);
		check.columnsExist();
		check.timeColumn();
		check.starTreeFunctions();
		check.indexesConsistent();
		check.primaryKeyTable();
		check.streams(topics);
	}

	/**
	 * The checks of one table against its schema.
	 */
	private static final class TableCheck {

		private final ConfigFile table;

		private final ConfigFile schema;

		private final Map<String, String> columns;

		private final List<String> problems;

		TableCheck(ConfigFile table, ConfigFile schema, List<String> problems) {
			this.table = table;
			this.schema = schema;
			this.columns = columns(schema);
			this.problems = problems;
		}

		void columnsExist() {
			Map<String, List<String>> references = new LinkedHashMap<>();
			for (String list : INDEX_LISTS) {
				references.put("tableIndexConfig." + list, Json.texts(this.table.json(), "tableIndexConfig", list));
			}
			JsonNode starTrees = Json.at(this.table.json(), "tableIndexConfig", "starTreeIndexConfigs");
			for (JsonNode starTree : starTrees) {
				references.computeIfAbsent("star-tree dimensionsSplitOrder", (k) -> new ArrayList<>())
					.addAll(Json.texts(starTree, "dimensionsSplitOrder"));
				references.computeIfAbsent("star-tree skipStarNodeCreationForDimensions", (k) -> new ArrayList<>())
					.addAll(Json.texts(starTree, "skipStarNodeCreationForDimensions"));
				references.computeIfAbsent("star-tree functionColumnPairs", (k) -> new ArrayList<>())
					.addAll(Json.texts(starTree, "functionColumnPairs")
						.stream()
						.map(TableCheck::pairColumn)
						.filter((c) -> !"*".equals(c))
						.toList());
			}
			List<String> transformed = new ArrayList<>();
			Json.at(this.table.json(), "ingestionConfig", "transformConfigs")
				.forEach((t) -> transformed.add(t.path("columnName").asText("")));
			references.put("ingestionConfig.transformConfigs columnName", transformed);
			List<String> fieldConfigs = new ArrayList<>();
			this.table.json().path("fieldConfigList").forEach((f) -> fieldConfigs.add(f.path("name").asText("")));
			references.put("fieldConfigList", fieldConfigs);
			references.forEach((where, names) -> names.forEach((name) -> requireColumn(where, name)));
		}

		void timeColumn() {
			Json.text(this.table.json(), "segmentsConfig", "timeColumnName").ifPresentOrElse((time) -> {
				requireColumn("segmentsConfig.timeColumnName", time);
				if (this.columns.containsKey(time) && !"dateTime".equals(this.columns.get(time))) {
					this.problems.add(this.table.path() + ": segmentsConfig.timeColumnName '" + time
							+ "' must be one of the schema's dateTimeFieldSpecs");
				}
			}, () -> {
				if ("REALTIME".equals(this.table.tableType())) {
					this.problems.add(this.table.path() + ": a REALTIME table needs segmentsConfig.timeColumnName");
				}
			});
		}

		void starTreeFunctions() {
			for (JsonNode starTree : Json.at(this.table.json(), "tableIndexConfig", "starTreeIndexConfigs")) {
				for (String pair : Json.texts(starTree, "functionColumnPairs")) {
					int separator = pair.indexOf("__");
					String function = (separator > 0) ? pair.substring(0, separator).toUpperCase(Locale.ROOT) : "";
					if (!STAR_TREE_FUNCTIONS.contains(function)) {
						this.problems.add(this.table.path() + ": star-tree functionColumnPairs entry '" + pair
								+ "' is not <function>__<column> with a function Pinot's star-tree supports "
								+ STAR_TREE_FUNCTIONS.stream().sorted().toList());
					}
				}
				if (Json.texts(starTree, "dimensionsSplitOrder").isEmpty()) {
					this.problems.add(this.table.path() + ": a star-tree needs a non-empty dimensionsSplitOrder");
				}
			}
		}

		void indexesConsistent() {
			List<String> noDictionary = Json.texts(this.table.json(), "tableIndexConfig", "noDictionaryColumns");
			for (String column : Json.texts(this.table.json(), "tableIndexConfig", "invertedIndexColumns")) {
				if (noDictionary.contains(column)) {
					this.problems.add(this.table.path() + ": column '" + column
							+ "' cannot have an inverted index and be in noDictionaryColumns");
				}
			}
		}

		void primaryKeyTable() {
			boolean dedup = Json.at(this.table.json(), "dedupConfig", "dedupEnabled").asBoolean(false);
			String upsertMode = Json.text(this.table.json(), "upsertConfig", "mode").orElse("NONE");
			boolean upsert = !"NONE".equalsIgnoreCase(upsertMode);
			if (!dedup && !upsert) {
				return;
			}
			String what = dedup ? "a dedup table" : "an upsert table";
			if (Json.texts(this.schema.json(), "primaryKeyColumns").isEmpty()) {
				this.problems.add(this.table.path() + ": " + what + " needs primaryKeyColumns in schema '"
						+ this.schema.schemaName() + "' (" + this.schema.path() + ")");
			}
			String selector = Json.text(this.table.json(), "routing", "instanceSelectorType").orElse("");
			if (!"strictReplicaGroup".equalsIgnoreCase(selector)) {
				this.problems.add(this.table.path() + ": " + what
						+ " needs routing.instanceSelectorType strictReplicaGroup, got '" + selector + "'");
			}
			if (!"REALTIME".equals(this.table.tableType())) {
				this.problems.add(this.table.path() + ": " + what + " must be a REALTIME table");
			}
			if (upsert && !Json.at(this.table.json(), "tableIndexConfig", "starTreeIndexConfigs").isEmpty()) {
				this.problems.add(this.table.path() + ": an upsert table cannot have a star-tree index");
			}
		}

		void streams(Set<String> topics) {
			if (!"REALTIME".equals(this.table.tableType())) {
				return;
			}
			List<ObjectNode> streams = StreamConfigs.of(this.table.json());
			if (streams.size() != 1) {
				this.problems.add(this.table.path() + ": a REALTIME table needs exactly one stream config, found "
						+ streams.size());
				return;
			}
			JsonNode stream = streams.get(0);
			String topic = stream.path(StreamConfigs.TOPIC).asText("");
			if (!topics.contains(topic)) {
				this.problems.add(this.table.path() + ": consumes topic '" + topic
						+ "', which the provisioner does not create " + topics.stream().sorted().toList());
			}
			String consumerType = stream.path(StreamConfigs.CONSUMER_TYPE).asText("lowlevel");
			if (!"lowlevel".equalsIgnoreCase(consumerType)) {
				this.problems.add(this.table.path() + ": " + StreamConfigs.CONSUMER_TYPE
						+ " must be lowlevel (partition-level consumption), got '" + consumerType + "'");
			}
		}

		private void requireColumn(String where, String column) {
			if (!this.columns.containsKey(column)) {
				this.problems.add(this.table.path() + ": " + where + " names column '" + column + "', which schema '"
						+ this.schema.schemaName() + "' (" + this.schema.path() + ") does not define");
			}
		}

		private static String pairColumn(String pair) {
			int separator = pair.indexOf("__");
			return (separator >= 0) ? pair.substring(separator + 2) : pair;
		}

	}

}
