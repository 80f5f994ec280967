package io.flare.ingest.auth;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoKeyCreatorTests {

	private final ApiKeyAuthenticatorTests.InMemoryStore store = new ApiKeyAuthenticatorTests.InMemoryStore();

	@Test
	void shouldCreateARandomDemoKeyForTheConfiguredSources() {
		DemoKeyCreator creator = new DemoKeyCreator(this.store,
				new DemoKeyProperties(true, "demo", List.of("scoreline", "gatepass"), null));

		String key = creator.ensureDemoKey();

		assertThat(key).startsWith(ApiKeys.PREFIX);
		assertThat(this.store.findByHash(ApiKeys.hash(key))).hasValueSatisfying((stored) -> {
			assertThat(stored.name()).isEqualTo("demo");
			assertThat(stored.sources()).containsExactlyInAnyOrder("scoreline", "gatepass");
		});
	}

	@Test
	void shouldReuseAConfiguredDemoKeyAcrossRestarts() {
		DemoKeyProperties properties = new DemoKeyProperties(true, "demo", List.of("scoreline"), "flr_fixed_demo");

		assertThat(new DemoKeyCreator(this.store, properties).ensureDemoKey()).isEqualTo("flr_fixed_demo");
		assertThat(new DemoKeyCreator(this.store, properties).ensureDemoKey()).isEqualTo("flr_fixed_demo");

		assertThat(this.store.list()).hasSize(1);
	}

}
