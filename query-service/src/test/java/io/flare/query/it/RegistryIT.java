package io.flare.query.it;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry on the real PostgreSQL and Pinot: versions with author and time, unchanged
 * content is not a new version, deletion is a version too, invalid definitions are
 * refused with every problem listed.
 */
class RegistryIT extends StackTestSupport {

	private static final String COUNT = """
			{"table":"events","measure":{"type":"count"},"window":{"size":"5m","bucket":"1m","kind":"sliding"}}""";

	private static final String SUM = """
			{"table":"events","measure":{"type":"sum","column":"value"},"window":{"size":"5m","bucket":"1m","kind":"sliding"}}""";

	@Test
	void shouldVersionEveryChangeWithAuthorAndTime() {
		String name = unique("it-registry");
		this.client.put()
			.uri("/v1/metrics/{name}", name)
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Flare-Author", "alice")
			.bodyValue(COUNT)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(1);
		this.client.put()
			.uri("/v1/metrics/{name}", name)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(COUNT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Flare-Changed", "false");
		this.client.put()
			.uri("/v1/metrics/{name}", name)
			.contentType(MediaType.parseMediaType("application/yaml"))
			.header("X-Flare-Author", "bob")
			.bodyValue(
					"table: events\nmeasure: {type: sum, column: value}\nwindow: {size: 5m, bucket: 1m, kind: sliding}\n")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(2)
			.jsonPath("$.author")
			.isEqualTo("bob");
		this.client.delete()
			.uri("/v1/metrics/{name}", name)
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectBody(Void.class);
		this.client.get()
			.uri("/v1/metrics/{name}", name)
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectBody(Void.class);

		JsonNode history = get("/v1/metrics/" + name + "/versions");
		assertThat(history).hasSize(3);
		assertThat(history.get(0).path("author").asString()).isEqualTo("alice");
		assertThat(history.get(1).at("/definition/measure/type").asString()).isEqualTo("sum");
		assertThat(history.get(2).path("deleted").asBoolean()).isTrue();
		assertThat(history.get(2).path("createdAt").asString()).isNotEmpty();
		assertThat(get("/v1/metrics/" + name + "?version=1").at("/definition/measure/type").asString())
			.isEqualTo("count");
		assertThat(put(name, SUM).path("version").asInt()).isEqualTo(4);
		this.client.delete().uri("/v1/metrics/{name}", name).exchange().expectBody(Void.class);
	}

	@Test
	void shouldTellCallersOfADeletedOrRenamedMetricWhatHappened() {
		String old = unique("it-old");
		String renamed = unique("it-new");
		put(old, COUNT);
		put(renamed, COUNT);
		this.client.delete()
			.uri("/v1/metrics/{name}?replacedBy={other}", old, "no-such-metric")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("replacedBy must name another live metric; 'no-such-metric' is not one");
		this.client.delete()
			.uri("/v1/metrics/{name}?replacedBy={other}", old, renamed)
			.header("X-Flare-Author", "carol")
			.exchange()
			.expectStatus()
			.isNoContent();

		for (String path : new String[] { "/v1/metrics/{name}/result", "/v1/metrics/{name}" }) {
			this.client.get()
				.uri(path, old)
				.exchange()
				.expectStatus()
				.isEqualTo(410)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://flare.io/problems/metric-deleted")
				.jsonPath("$.replacedBy")
				.isEqualTo(renamed)
				.jsonPath("$.detail")
				.value((detail) -> assertThat(detail.toString()).startsWith("Metric '" + old + "' was deleted by carol")
					.endsWith("(version 2); use '" + renamed + "' instead"));
		}
		assertThat(get("/v1/metrics/" + old + "/versions").get(1).path("replacedBy").asString()).isEqualTo(renamed);
		this.client.get()
			.uri("/v1/metrics/{name}", unique("it-never"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(Void.class);
		this.client.delete()
			.uri("/v1/metrics/{name}", renamed)
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectBody(Void.class);
		this.client.get()
			.uri("/v1/metrics/{name}/result", renamed)
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectBody()
			.jsonPath("$.replacedBy")
			.doesNotExist();
	}

	@Test
	void shouldRefuseAnInvalidDefinitionListingEveryProblem() {
		String body = """
				{"table":"events","measure":{"type":"sum","column":"category"},
				 "filters":[{"column":"nosuch","op":"eq","value":"x"}],
				 "window":{"size":"90s","bucket":"1m","kind":"sliding"}}""";
		this.client.put()
			.uri("/v1/metrics/{name}", unique("it-invalid"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(3)
			.jsonPath("$.errors[0]")
			.isEqualTo("window.size: 90s is not a multiple of the bucket 1m")
			.jsonPath("$.errors[1]")
			.isEqualTo("measure.column: 'category' is STRING, this measure needs a numeric column")
			.jsonPath("$.errors[2]")
			.isEqualTo("filters[0].column: unknown column 'nosuch' in table events");
	}

	@Test
	void shouldExplainWithSqlStarTreeVerdictAndPinotsPlan() {
		JsonNode explanation = get("/v1/metrics/events-per-second/explain");
		assertThat(explanation.path("sql").asString()).startsWith("SELECT bucket10s, category, COUNT(*) FROM events");
		assertThat(explanation.path("starTreeEligible").asBoolean()).isTrue();
		assertThat(explanation.at("/plan/0/0").asString()).startsWith("BROKER_REDUCE");
		JsonNode sales = get("/v1/metrics/ticket-sell-through/explain?show=show-1");
		assertThat(sales.path("sql").asString()).contains("entityId = 'show-1'");
		assertThat(sales.path("starTreeEligible").asBoolean()).isFalse();
		assertThat(sales.at("/starTreeReasons/0").asString()).contains("'entityId'");
	}

}
