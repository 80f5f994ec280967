package io.flare.ingest.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating, using, listing and revoking API keys through the admin API. */
class AdminKeysApiTests extends ApiTestBase {

	@Test
	void shouldCreateAKeyThatWritesOnlyItsSourcesAndRevokeIt() {
		Map<?, ?> created = this.client.post()
			.uri("/admin/keys")
			.header("Authorization", "Bearer test-admin-token")
			.bodyValue(Map.of("name", "partner", "sources", List.of("gatepass")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String key = (String) created.get("key");
		assertThat(key).startsWith("flr_");

		postWith(key, EventsApiTests.event("p-1").replace("scoreline", "gatepass")).expectStatus().isOk();
		postWith(key, EventsApiTests.event("p-2")).expectStatus().isEqualTo(422);
		this.client.get()
			.uri("/admin/keys")
			.header("Authorization", "Bearer test-admin-token")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((list) -> assertThat(list).contains("\"partner\"").doesNotContain(key));

		this.client.delete()
			.uri("/admin/keys/" + created.get("id"))
			.header("Authorization", "Bearer test-admin-token")
			.exchange()
			.expectStatus()
			.isNoContent();
		postWith(key, EventsApiTests.event("p-3").replace("scoreline", "gatepass")).expectStatus().isUnauthorized();
	}

	@Test
	void shouldRefuseTheAdminApiWithoutTheAdminToken() {
		this.client.get().uri("/admin/keys").exchange().expectStatus().isUnauthorized();
		this.client.get()
			.uri("/admin/keys")
			.header("Authorization", "Bearer " + KEY)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void shouldValidateCreateAndRevokeRequests() {
		this.client.post()
			.uri("/admin/keys")
			.header("Authorization", "Bearer test-admin-token")
			.bodyValue(Map.of("name", "x", "sources", List.of()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("sources must be a non-empty list of source names of 1 to 256 characters");
		this.client.delete()
			.uri("/admin/keys/not-a-uuid")
			.header("Authorization", "Bearer test-admin-token")
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.delete()
			.uri("/admin/keys/00000000-0000-0000-0000-000000000000")
			.header("Authorization", "Bearer test-admin-token")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec postWith(String key, String event) {
		return this.client.post()
			.uri("/v1/events")
			.header("X-Api-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[" + event + "]")
			.exchange();
	}

}
