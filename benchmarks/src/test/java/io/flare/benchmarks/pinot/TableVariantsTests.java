package io.flare.benchmarks.pinot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flare.infra.stack.StackProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TableVariantsTests {

	private static final String STREAM = "/ingestionConfig/streamIngestionConfig/streamConfigMaps/0/";

	private final TableVariants variants = TableVariants.load(StackProperties.locateRoot(), Optional.empty());

	private final JsonNode repoTable = read(TableVariants.TABLE_FILE);

	private final JsonNode repoSchema = read(TableVariants.SCHEMA_FILE);

	@Test
	void shouldChangeOnlyNamesTopicAndBrokersOfTheStarVariant() {
		ObjectNode star = this.variants.table(Variant.STAR, "bench_star_r1", "bench-events-r1", "10.0.0.1:19092");
		assertThat(changedPaths(this.repoTable, star)).containsExactlyInAnyOrder("/segmentsConfig/schemaName",
				"/tableName", STREAM + "stream.kafka.broker.list", STREAM + "stream.kafka.topic.name");
		assertThat(star.path("tableName").asText()).isEqualTo("bench_star_r1");
		assertThat(star.at("/segmentsConfig/schemaName").asText()).isEqualTo("bench_star_r1");
		assertThat(star.at(STREAM + "stream.kafka.topic.name").asText()).isEqualTo("bench-events-r1");
		assertThat(star.at(STREAM + "stream.kafka.broker.list").asText()).isEqualTo("10.0.0.1:19092");
		assertThat(star.at("/tableIndexConfig/starTreeIndexConfigs"))
			.isEqualTo(this.repoTable.at("/tableIndexConfig/starTreeIndexConfigs"));
	}

	@Test
	void shouldRemoveOnlyTheStarTreeBesidesNamesOfThePlainVariant() {
		ObjectNode plain = this.variants.table(Variant.PLAIN, "bench_plain_r1", "bench-events-r1", "10.0.0.1:19092");
		assertThat(changedPaths(this.repoTable, plain)).containsExactlyInAnyOrder("/segmentsConfig/schemaName",
				"/tableName", "/tableIndexConfig/starTreeIndexConfigs", STREAM + "stream.kafka.broker.list",
				STREAM + "stream.kafka.topic.name");
		assertThat(plain.at("/tableIndexConfig").has("starTreeIndexConfigs")).isFalse();
	}

	@Test
	void shouldLeaveTheRepositoryConfigUntouched() {
		JsonNode before = this.repoTable.deepCopy();
		TableVariants fromMemory = new TableVariants(this.repoSchema, this.repoTable);
		fromMemory.table(Variant.PLAIN, "bench_plain_r1", "bench-events-r1", "10.0.0.1:19092");
		fromMemory.schema("bench_plain_r1");
		assertThat(this.repoTable).isEqualTo(before);
	}

	@Test
	void shouldRenameOnlyTheSchema() {
		ObjectNode schema = this.variants.schema("bench_plain_r1");
		assertThat(changedPaths(this.repoSchema, schema)).containsExactlyInAnyOrder("/schemaName");
		assertThat(schema.path("schemaName").asText()).isEqualTo("bench_plain_r1");
	}

	@Test
	void shouldRefuseAStarVariantOfATableWithoutStarTree() {
		ObjectNode withoutTree = this.repoTable.deepCopy();
		((ObjectNode) withoutTree.path("tableIndexConfig")).remove("starTreeIndexConfigs");
		TableVariants variants = new TableVariants(this.repoSchema, withoutTree);
		assertThatIllegalStateException()
			.isThrownBy(() -> variants.table(Variant.STAR, "bench_star_r1", "bench-events-r1", "h:1"))
			.withMessage("table-configs/events.table.json has no starTreeIndexConfigs: nothing to compare");
	}

	/** JSON pointers of every value that differs, is missing or was added. */
	private static Set<String> changedPaths(JsonNode before, JsonNode after) {
		Set<String> changed = new TreeSet<>();
		collect("", before, after, changed);
		return changed;
	}

	private static void collect(String path, JsonNode before, JsonNode after, Set<String> changed) {
		if (before.isObject() && after.isObject()) {
			Set<String> names = new TreeSet<>();
			before.fieldNames().forEachRemaining(names::add);
			after.fieldNames().forEachRemaining(names::add);
			for (String name : names) {
				collect(path + "/" + name, before.path(name), after.path(name), changed);
			}
		}
		else if (before.isArray() && after.isArray() && before.size() == after.size()) {
			for (int i = 0; i < before.size(); i++) {
				collect(path + "/" + i, before.get(i), after.get(i), changed);
			}
		}
		else if (!before.equals(after)) {
			changed.add(path);
		}
	}

	private static JsonNode read(String file) {
		try {
			return new ObjectMapper().readTree(StackProperties.locateRoot().resolve(file).toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
