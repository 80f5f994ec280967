package io.flare.ingest.auth;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;

/**
 * Authenticates a request by its API key ({@code Authorization: Bearer <key>} or
 * {@code X-Api-Key: <key>}). Lookups are cached (unknown keys too, so guessing does not
 * load PostgreSQL) and run on {@code boundedElastic} with a timeout.
 */
public final class ApiKeyAuthenticator {

	/** The alternative header carrying the key. */
	public static final String API_KEY_HEADER = "X-Api-Key";

	private static final String BEARER = "bearer ";

	private static final int MAX_KEY_LENGTH = 256;

	private final ApiKeyStore store;

	private final AuthProperties properties;

	private final Cache<String, Optional<ApiKey>> cache;

	public ApiKeyAuthenticator(ApiKeyStore store, AuthProperties properties) {
		this.store = store;
		this.properties = properties;
		this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.cacheTtl()).build();
	}

	/**
	 * The valid key the request carries.
	 * @return the key, or an error: {@link AuthenticationException} (401) or
	 * {@link KeyStoreUnavailableException} (503)
	 */
	public Mono<ApiKey> authenticate(HttpHeaders headers) {
		String key = keyOf(headers);
		if (key == null) {
			return Mono.error(new AuthenticationException(
					"an API key is required: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"));
		}
		if (key.length() > MAX_KEY_LENGTH) {
			return Mono.error(new AuthenticationException("the API key is unknown or revoked"));
		}
		String hash = ApiKeys.hash(key);
		Optional<ApiKey> cached = this.cache.getIfPresent(hash);
		Mono<Optional<ApiKey>> found = (cached != null) ? Mono.just(cached) : lookUp(hash);
		return found.flatMap((apiKey) -> {
			if (apiKey.isEmpty() || apiKey.get().isRevoked()) {
				return Mono.error(new AuthenticationException("the API key is unknown or revoked"));
			}
			return Mono.just(apiKey.get());
		});
	}

	/** Forgets a key at once (after it was revoked here). */
	public void evict(UUID id) {
		this.cache.asMap().values().removeIf((key) -> key.isPresent() && key.get().id().equals(id));
	}

	private Mono<Optional<ApiKey>> lookUp(String hash) {
		return Mono.fromCallable(() -> this.store.findByHash(hash))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.properties.storeTimeout())
			.doOnNext((found) -> this.cache.put(hash, found))
			.onErrorMap((ex) -> ex instanceof TimeoutException || ex instanceof DataAccessException,
					(ex) -> new KeyStoreUnavailableException("API keys cannot be checked now; retry later", ex));
	}

	static @Nullable String keyOf(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		String key = null;
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			key = authorization.substring(BEARER.length()).trim();
		}
		else if (headers.getFirst(API_KEY_HEADER) != null) {
			key = headers.getFirst(API_KEY_HEADER).trim();
		}
		return (key == null || key.isEmpty()) ? null : key;
	}

}
