package io.flare.query.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.flare.query.TestCatalogs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DefinitionCodecTests {

	@Test
	void shouldReadEveryExampleFileAndFindItValid() throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(TestCatalogs.root().resolve("metrics"))) {
			files = list.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(5);
		for (Path file : files) {
			String name = file.getFileName().toString().replace(".yaml", "");
			MetricDefinition definition = DefinitionCodec.fromYaml(Files.readString(file), name);
			assertThat(DefinitionValidator.validate(definition, TestCatalogs.catalog())).as(file.toString()).isEmpty();
		}
	}

	@Test
	void shouldRoundTripThroughCanonicalJson() {
		String json = """
				{"table":"events","measure":{"type":"rate","per":"minute"},
				 "filters":[{"column":"entityId","op":"eq","value":"${show}"},{"column":"value","op":"range","min":5}],
				 "window":{"size":"30m","bucket":"1m","kind":"tumbling"},
				 "parameters":{"show":{"description":"the show"}}}""";
		MetricDefinition definition = DefinitionCodec.fromJson(json, "sales");
		assertThat(definition.name()).isEqualTo("sales");
		assertThat(definition.filters().get(1).min()).isEqualTo("5");
		MetricDefinition again = DefinitionCodec.fromJson(DefinitionCodec.toJson(definition), "sales");
		assertThat(again).isEqualTo(definition);
		assertThat(DefinitionCodec.hash(again)).isEqualTo(DefinitionCodec.hash(definition));
	}

	@Test
	void shouldReportEveryStructuralProblemAtOnce() {
		String json = """
				{"table":"events","measure":{"type":"median","column":"value"},
				 "filters":[{"column":"type","op":"like","value":"g%"}],
				 "window":{"size":"five minutes","bucket":"5m"},
				 "colour":"red"}""";
		InvalidDefinitionException ex = assertThrows(InvalidDefinitionException.class,
				() -> DefinitionCodec.fromJson(json, "m"));
		assertThat(ex.errors()).hasSizeGreaterThanOrEqualTo(5)
			.anyMatch((error) -> error.startsWith("measure.type:"))
			.anyMatch((error) -> error.startsWith("filters[0].op:"))
			.anyMatch((error) -> error.startsWith("window.size:"))
			.anyMatch((error) -> error.startsWith("window.bucket:"))
			.anyMatch((error) -> error.startsWith("window:") && error.contains("kind"))
			.anyMatch((error) -> error.contains("colour"));
	}

	@Test
	void shouldRejectANameThatContradictsThePath() {
		String json = """
				{"name":"other","table":"events","measure":{"type":"count"},
				 "window":{"size":"5m","bucket":"1m","kind":"sliding"}}""";
		InvalidDefinitionException ex = assertThrows(InvalidDefinitionException.class,
				() -> DefinitionCodec.fromJson(json, "mine"));
		assertThat(ex.errors()).containsExactly("name: 'other' does not match the metric's name 'mine'");
	}

	@Test
	void shouldRejectMalformedJson() {
		InvalidDefinitionException ex = assertThrows(InvalidDefinitionException.class,
				() -> DefinitionCodec.fromJson("{\"table\": ", "m"));
		assertThat(ex.errors()).singleElement().asString().startsWith("not well-formed:");
	}

}
