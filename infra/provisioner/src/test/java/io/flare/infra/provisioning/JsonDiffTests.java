package io.flare.infra.provisioning;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDiffTests {

	@Test
	void shouldIgnoreKeyOrder() {
		assertThat(JsonDiff.paths(json("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"x\"}}"),
				json("{\"b\":{\"d\":\"x\",\"c\":[1,2]},\"a\":1}")))
			.isEmpty();
	}

	@Test
	void shouldNameNestedPathsThatDiffer() {
		assertThat(JsonDiff.paths(json("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"x\"}}"),
				json("{\"a\":1,\"b\":{\"c\":[2,1]},\"e\":true}")))
			.containsExactly("b.c", "b.d", "e");
	}

	@Test
	void shouldDescendIntoArraysOfObjects() {
		assertThat(JsonDiff.paths(json("{\"m\":[{\"a\":1,\"b\":2}]}"), json("{\"m\":[{\"b\":2,\"a\":3}]}")))
			.containsExactly("m[0].a");
		assertThat(JsonDiff.paths(json("{\"m\":[{\"a\":1}]}"), json("{\"m\":[{\"a\":1},{\"a\":2}]}")))
			.containsExactly("m");
	}

	@Test
	void shouldShortenLongLists() {
		assertThat(JsonDiff.describe(List.of("a", "b", "c", "d", "e", "f", "g"))).isEqualTo("a, b, c, d, e and 2 more");
	}

	private static JsonNode json(String text) {
		return RepositoryConfigs.parse("test.json", text);
	}

}
