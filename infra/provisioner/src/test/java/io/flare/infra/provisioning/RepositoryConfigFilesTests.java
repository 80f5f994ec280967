package io.flare.infra.provisioning;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the repository's real schema and table-config files.
 */
class RepositoryConfigFilesTests {

	private static Path root;

	private static RepositoryConfigs configs;

	@BeforeAll
	static void load() {
		root = RepositoryRoot.find();
		configs = RepositoryConfigs.load(root);
	}

	@Test
	void shouldFindSchemasAndTableConfigs() {
		assertThat(configs.schemas()).extracting(ConfigFile::schemaName).contains("events");
		assertThat(configs.tables()).extracting(ConfigFile::tableNameWithType).contains("events_REALTIME");
	}

	@Test
	void shouldHaveNoProblems() {
		Set<String> topics = TopicSpec.platformTopics(8, (short) 1)
			.stream()
			.map(TopicSpec::name)
			.collect(Collectors.toSet());
		assertThat(ConfigValidator.check(configs, topics)).isEmpty();
	}

	@Test
	void shouldNameAnExistingSchemaFileInEveryTable() {
		Set<String> schemaNames = configs.schemas().stream().map(ConfigFile::schemaName).collect(Collectors.toSet());
		for (ConfigFile table : configs.tables()) {
			assertThat(schemaNames).as(table.path()).contains(table.tableSchemaName());
		}
		for (ConfigFile schema : configs.schemas()) {
			assertThat(root.resolve(schema.path())).isRegularFile();
		}
	}

	@Test
	void shouldUseOnlyStarTreeFunctionsPinotSupports() {
		for (ConfigFile table : configs.tables()) {
			for (JsonNode starTree : Json.at(table.json(), "tableIndexConfig", "starTreeIndexConfigs")) {
				List<String> functions = Json.texts(starTree, "functionColumnPairs")
					.stream()
					.map((pair) -> pair.substring(0, pair.indexOf("__")).toUpperCase(Locale.ROOT))
					.toList();
				assertThat(functions).as(table.path()).isNotEmpty().isSubsetOf(ConfigValidator.STAR_TREE_FUNCTIONS);
			}
		}
	}

	@Test
	void shouldBuildStarTreesOnlyFromSchemaColumns() {
		for (ConfigFile table : configs.tables()) {
			Map<String, String> columns = ConfigValidator.columns(schemaOf(table));
			for (JsonNode starTree : Json.at(table.json(), "tableIndexConfig", "starTreeIndexConfigs")) {
				assertThat(columns).as(table.path())
					.containsKeys(Json.texts(starTree, "dimensionsSplitOrder").toArray(String[]::new));
			}
		}
	}

	@Test
	void shouldGiveDedupTablesAPrimaryKeyAndStrictReplicaGroupRouting() {
		List<ConfigFile> dedupTables = configs.tables()
			.stream()
			.filter((t) -> Json.at(t.json(), "dedupConfig", "dedupEnabled").asBoolean(false))
			.toList();
		assertThat(dedupTables).extracting(ConfigFile::tableName).contains("events");
		for (ConfigFile table : dedupTables) {
			assertThat(Json.texts(schemaOf(table).json(), "primaryKeyColumns")).as(table.path()).isNotEmpty();
			assertThat(Json.text(table.json(), "routing", "instanceSelectorType")).as(table.path())
				.hasValue("strictReplicaGroup");
		}
	}

	@Test
	void shouldKeepEventsKeyedByEventIdAndConsumingTheEventsTopicPartitionByPartition() {
		ConfigFile events = table("events");
		assertThat(Json.texts(schemaOf(events).json(), "primaryKeyColumns")).containsExactly("eventId");
		assertThat(StreamConfigs.topics(events.json())).containsExactly(TopicSpec.EVENTS);
		JsonNode stream = StreamConfigs.of(events.json()).get(0);
		assertThat(stream.path(StreamConfigs.CONSUMER_TYPE).asText()).isEqualTo("lowlevel");
		assertThat(stream.path("realtime.segment.flush.threshold.rows").asText()).isNotBlank();
		assertThat(stream.path("realtime.segment.flush.threshold.time").asText()).isNotBlank();
	}

	@Test
	void shouldDeriveEveryBucketColumnByAnIngestionTransformOfEventTime() {
		ConfigFile events = table("events");
		Map<String, String> transforms = new HashMap<>();
		Json.at(events.json(), "ingestionConfig", "transformConfigs")
			.forEach((t) -> transforms.put(t.path("columnName").asText(), t.path("transformFunction").asText()));
		assertThat(transforms).containsKeys("bucket10s", "bucket1m", "bucket1h");
		assertThat(transforms.get("bucket10s")).contains("eventTime");
		assertThat(transforms.get("bucket1m")).contains("eventTime");
		assertThat(transforms.get("bucket1h")).contains("eventTime");
		assertThat(transforms.values()).noneMatch((f) -> f.toLowerCase(Locale.ROOT).startsWith("groovy"));
	}

	private static ConfigFile table(String name) {
		return configs.tables().stream().filter((t) -> t.tableName().equals(name)).findFirst().orElseThrow();
	}

	private static ConfigFile schemaOf(ConfigFile table) {
		return configs.schemas()
			.stream()
			.filter((s) -> s.schemaName().equals(table.tableSchemaName()))
			.findFirst()
			.orElseThrow();
	}

}
