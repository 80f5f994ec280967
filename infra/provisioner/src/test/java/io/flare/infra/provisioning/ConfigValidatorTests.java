package io.flare.infra.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Each test breaks one thing in a copy of the repository's real files and checks the
 * message names file and column.
 */
class ConfigValidatorTests {

	private static final String TABLE_FILE = "table-configs/events.table.json";

	private static final String SCHEMA_FILE = "schemas/events.schema.json";

	private static final Set<String> TOPICS = Set.of("events", "events-raw", "events-dlq");

	@TempDir
	Path root;

	@BeforeEach
	void copyRepositoryFiles() throws IOException {
		Path repository = RepositoryRoot.find();
		for (String file : List.of(TABLE_FILE, SCHEMA_FILE)) {
			Files.createDirectories(this.root.resolve(file).getParent());
			Files.copy(repository.resolve(file), this.root.resolve(file));
		}
	}

	@Test
	void shouldAcceptTheUnchangedCopy() {
		assertThat(problems()).isEmpty();
	}

	@Test
	void shouldRejectStarTreeDimensionMissingFromSchema() throws IOException {
		editTable((t) -> starTree(t).withArray("dimensionsSplitOrder").add("bucket5m"));
		assertThat(problems()).singleElement()
			.asString()
			.startsWith(TABLE_FILE + ": ")
			.contains("dimensionsSplitOrder", "'bucket5m'", "schema 'events'", SCHEMA_FILE);
	}

	@Test
	void shouldRejectStarTreeFunctionColumnMissingFromSchema() throws IOException {
		editTable((t) -> starTree(t).withArray("functionColumnPairs").add("SUM__price"));
		assertThat(problems()).singleElement().asString().contains(TABLE_FILE, "functionColumnPairs", "'price'");
	}

	@Test
	void shouldRejectStarTreeFunctionPinotCannotPreAggregate() throws IOException {
		editTable((t) -> starTree(t).withArray("functionColumnPairs").add("DISTINCTCOUNT__entityId"));
		assertThat(problems()).singleElement()
			.asString()
			.contains(TABLE_FILE, "'DISTINCTCOUNT__entityId'", "DISTINCTCOUNTHLL");
	}

	@Test
	void shouldRejectIndexOnMissingColumn() throws IOException {
		editTable((t) -> t.withObjectProperty("tableIndexConfig").withArray("invertedIndexColumns").add("continent"));
		assertThat(problems()).singleElement()
			.asString()
			.contains(TABLE_FILE, "tableIndexConfig.invertedIndexColumns", "'continent'");
	}

	@Test
	void shouldRejectTransformIntoMissingColumn() throws IOException {
		editTable((t) -> t.withObjectProperty("ingestionConfig")
			.withArray("transformConfigs")
			.addObject()
			.put("columnName", "bucket5m")
			.put("transformFunction", "round(eventTime, 300000)"));
		assertThat(problems()).singleElement().asString().contains(TABLE_FILE, "transformConfigs", "'bucket5m'");
	}

	@Test
	void shouldRejectTimeColumnMissingFromSchema() throws IOException {
		editTable((t) -> t.withObjectProperty("segmentsConfig").put("timeColumnName", "timestamp"));
		assertThat(problems()).singleElement().asString().contains(TABLE_FILE, "timeColumnName", "'timestamp'");
	}

	@Test
	void shouldRejectTimeColumnThatIsNotADateTimeField() throws IOException {
		editTable((t) -> t.withObjectProperty("segmentsConfig").put("timeColumnName", "category"));
		assertThat(problems()).singleElement().asString().contains(TABLE_FILE, "'category'", "dateTimeFieldSpecs");
	}

	@Test
	void shouldRejectTableWhoseSchemaHasNoFile() throws IOException {
		editTable((t) -> t.withObjectProperty("segmentsConfig").put("schemaName", "clicks"));
		assertThat(problems()).singleElement().asString().contains(TABLE_FILE, "'clicks'", "schemas/");
	}

	@Test
	void shouldRejectDedupWithoutPrimaryKey() throws IOException {
		edit(SCHEMA_FILE, (s) -> s.remove("primaryKeyColumns"));
		assertThat(problems()).singleElement().asString().contains(TABLE_FILE, "dedup", "primaryKeyColumns");
	}

	@Test
	void shouldRejectDedupWithoutStrictReplicaGroupRouting() throws IOException {
		editTable((t) -> t.remove("routing"));
		assertThat(problems()).singleElement().asString().contains(TABLE_FILE, "strictReplicaGroup");
	}

	@Test
	void shouldRejectTopicTheProvisionerDoesNotCreate() throws IOException {
		editTable((t) -> StreamConfigs.of(t).get(0).put(StreamConfigs.TOPIC, "evnets"));
		assertThat(problems()).singleElement().asString().contains(TABLE_FILE, "'evnets'", "does not create");
	}

	@Test
	void shouldReportEveryProblemAtOnce() throws IOException {
		editTable((t) -> {
			t.withObjectProperty("tableIndexConfig").withArray("rangeIndexColumns").add("price");
			t.withObjectProperty("tableIndexConfig").withArray("noDictionaryColumns").add("category");
		});
		assertThat(problems()).hasSize(2)
			.anySatisfy((p) -> assertThat(p).contains("'price'"))
			.anySatisfy((p) -> assertThat(p).contains("'category'", "inverted index"));
	}

	@Test
	void shouldNameFileAndLineOfMalformedJson() throws IOException {
		Files.writeString(this.root.resolve("table-configs/broken.table.json"),
				"{\n  \"tableName\": \"broken\",\n  \"tableType\": \"REALTIME\",\n}\n");
		InvalidConfigException ex = assertThrows(InvalidConfigException.class, () -> RepositoryConfigs.load(this.root));
		assertThat(ex.problems()).singleElement()
			.asString()
			.startsWith("table-configs/broken.table.json: line 4, column")
			.contains("invalid JSON");
		assertThat(ex.getMessage()).contains("table-configs/broken.table.json: line 4");
	}

	@Test
	void shouldRejectDuplicateKeys() throws IOException {
		Files.writeString(this.root.resolve("schemas/dup.schema.json"),
				"{\"schemaName\": \"dup\",\n\"schemaName\": \"dup2\"}");
		InvalidConfigException ex = assertThrows(InvalidConfigException.class, () -> RepositoryConfigs.load(this.root));
		assertThat(ex.problems()).singleElement().asString().contains("schemas/dup.schema.json: line 2", "schemaName");
	}

	@Test
	void shouldRejectMissingFolder() throws IOException {
		Files.delete(this.root.resolve(SCHEMA_FILE));
		Files.delete(this.root.resolve("schemas"));
		InvalidConfigException ex = assertThrows(InvalidConfigException.class, () -> RepositoryConfigs.load(this.root));
		assertThat(ex.problems()).singleElement().asString().startsWith("schemas/: no such directory");
	}

	private List<String> problems() {
		return ConfigValidator.check(RepositoryConfigs.load(this.root), TOPICS);
	}

	private void editTable(Consumer<ObjectNode> change) throws IOException {
		edit(TABLE_FILE, change);
	}

	private void edit(String file, Consumer<ObjectNode> change) throws IOException {
		Path path = this.root.resolve(file);
		ObjectNode json = RepositoryConfigs.parse(file, Files.readString(path));
		change.accept(json);
		Files.writeString(path, json.toPrettyString());
	}

	private static ObjectNode starTree(ObjectNode table) {
		ArrayNode starTrees = table.withObjectProperty("tableIndexConfig").withArray("starTreeIndexConfigs");
		return (ObjectNode) starTrees.get(0);
	}

}
