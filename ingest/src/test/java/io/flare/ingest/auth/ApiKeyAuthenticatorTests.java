package io.flare.ingest.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyAuthenticatorTests {

	private final InMemoryStore store = new InMemoryStore();

	private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(this.store,
			new AuthProperties(Duration.ofMinutes(1), Duration.ofSeconds(1), null));

	@Test
	void shouldAuthenticateBearerKey() {
		String key = this.store.add("scoreline");

		StepVerifier.create(this.authenticator.authenticate(headers("Authorization", "Bearer " + key)))
			.assertNext((apiKey) -> assertThat(apiKey.sources()).containsExactly("scoreline"))
			.verifyComplete();
	}

	@Test
	void shouldAuthenticateXApiKeyHeader() {
		String key = this.store.add("scoreline");

		StepVerifier.create(this.authenticator.authenticate(headers("X-Api-Key", key)))
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void shouldRefuseMissingKey() {
		StepVerifier.create(this.authenticator.authenticate(new HttpHeaders()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(AuthenticationException.class)
				.hasMessage("an API key is required: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"))
			.verify();
	}

	@Test
	void shouldRefuseUnknownKey() {
		StepVerifier.create(this.authenticator.authenticate(headers("Authorization", "Bearer flr_nope")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(AuthenticationException.class)
				.hasMessage("the API key is unknown or revoked"))
			.verify();
	}

	@Test
	void shouldRefuseRevokedKeyOnceEvicted() {
		String key = this.store.add("scoreline");
		ApiKey apiKey = this.authenticator.authenticate(headers("X-Api-Key", key)).block();

		this.store.revoke(apiKey.id());
		this.authenticator.evict(apiKey.id());

		StepVerifier.create(this.authenticator.authenticate(headers("X-Api-Key", key)))
			.expectError(AuthenticationException.class)
			.verify();
	}

	@Test
	void shouldCacheLookupsIncludingUnknownKeys() {
		String key = this.store.add("scoreline");
		for (int i = 0; i < 5; i++) {
			this.authenticator.authenticate(headers("X-Api-Key", key)).block();
			this.authenticator.authenticate(headers("X-Api-Key", "flr_unknown")).onErrorComplete().block();
		}

		assertThat(this.store.lookups.get()).isEqualTo(2);
	}

	@Test
	void shouldAnswerUnavailableWhenTheStoreFails() {
		this.store.failing = true;

		StepVerifier.create(this.authenticator.authenticate(headers("X-Api-Key", "flr_any")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(KeyStoreUnavailableException.class)
				.hasMessage("API keys cannot be checked now; retry later"))
			.verify();
	}

	@Test
	void shouldHashKeysWithSha256Hex() {
		assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(ApiKeys.generate()).startsWith("flr_").hasSize(47).isNotEqualTo(ApiKeys.generate());
	}

	private static HttpHeaders headers(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(name, value);
		return headers;
	}

	/** An honest in-memory store, for unit tests. */
	static final class InMemoryStore implements ApiKeyStore {

		final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();

		final AtomicInteger lookups = new AtomicInteger();

		volatile boolean failing;

		String add(String... sources) {
			String key = ApiKeys.generate();
			create("test", Set.of(sources), ApiKeys.hash(key));
			return key;
		}

		@Override
		public Optional<ApiKey> findByHash(String keyHash) {
			this.lookups.incrementAndGet();
			if (this.failing) {
				throw new DataAccessResourceFailureException("database down");
			}
			return Optional.ofNullable(this.byHash.get(keyHash));
		}

		@Override
		public ApiKey create(String name, Set<String> sources, String keyHash) {
			ApiKey key = new ApiKey(UUID.randomUUID(), name, sources, Instant.now(), null);
			this.byHash.put(keyHash, key);
			return key;
		}

		@Override
		public boolean revoke(UUID id) {
			this.byHash.replaceAll((hash, key) -> key.id().equals(id)
					? new ApiKey(key.id(), key.name(), key.sources(), key.createdAt(), Instant.now()) : key);
			return true;
		}

		@Override
		public List<ApiKey> list() {
			return List.copyOf(this.byHash.values());
		}

	}

}
