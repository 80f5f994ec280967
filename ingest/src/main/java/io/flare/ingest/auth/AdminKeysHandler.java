package io.flare.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The admin API of API keys: create ({@code POST /admin/keys}), list
 * ({@code GET /admin/keys}) and revoke ({@code DELETE /admin/keys/{id}}). Every call
 * needs the admin token; without a configured token the API does not exist (404).
 */
final class AdminKeysHandler {

	private static final int MAX_NAME = 128;

	private static final int MAX_SOURCE = 256;

	private final ApiKeyStore store;

	private final ApiKeyAuthenticator authenticator;

	private final AuthProperties properties;

	AdminKeysHandler(ApiKeyStore store, ApiKeyAuthenticator authenticator, AuthProperties properties) {
		this.store = store;
		this.authenticator = authenticator;
		this.properties = properties;
	}

	Mono<ServerResponse> create(ServerRequest request) {
		return checkToken(request).then(request.bodyToMono(CreateKeyRequest.class))
			.switchIfEmpty(Mono.error(() -> new ServerWebInputException("the body must be {name, sources}")))
			.map(AdminKeysHandler::validated)
			.flatMap((body) -> blocking(() -> {
				String key = ApiKeys.generate();
				ApiKey stored = this.store.create(body.name(), Set.copyOf(body.sources()), ApiKeys.hash(key));
				return new CreatedKey(stored.id(), stored.name(), stored.sources(), stored.createdAt(), key);
			}))
			.flatMap((created) -> ServerResponse.status(HttpStatus.CREATED).bodyValue(created));
	}

	Mono<ServerResponse> list(ServerRequest request) {
		return checkToken(request).then(blocking(this.store::list))
			.flatMap((keys) -> ServerResponse.ok().bodyValue(keys));
	}

	Mono<ServerResponse> revoke(ServerRequest request) {
		UUID id = parseId(request.pathVariable("id"));
		return checkToken(request).then(blocking(() -> this.store.revoke(id))).flatMap((revoked) -> {
			if (!revoked) {
				return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no valid API key has id " + id));
			}
			this.authenticator.evict(id);
			return ServerResponse.noContent().build();
		});
	}

	private Mono<Void> checkToken(ServerRequest request) {
		String token = this.properties.adminToken();
		if (token == null || token.isBlank()) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		String given = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
		byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
			return Mono.error(new AdminTokenException());
		}
		return Mono.empty();
	}

	private <T> Mono<T> blocking(java.util.concurrent.Callable<T> call) {
		return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic()).timeout(this.properties.storeTimeout());
	}

	private static UUID parseId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ServerWebInputException("'" + id + "' is not a key id (a UUID)");
		}
	}

	private static CreateKeyRequest validated(CreateKeyRequest body) {
		if (body.name() == null || body.name().isBlank() || body.name().length() > MAX_NAME) {
			throw new ServerWebInputException("name must be 1 to " + MAX_NAME + " characters");
		}
		if (body.sources() == null || body.sources().isEmpty()
				|| body.sources().stream().anyMatch((s) -> s == null || s.isBlank() || s.length() > MAX_SOURCE)) {
			throw new ServerWebInputException(
					"sources must be a non-empty list of source names of 1 to " + MAX_SOURCE + " characters");
		}
		return body;
	}

	/**
	 * The body of a create call.
	 *
	 * @param name who or what holds the key
	 * @param sources the sources it may write
	 */
	record CreateKeyRequest(@Nullable String name, @Nullable List<String> sources) {

	}

	/**
	 * A created key: the only time its secret is shown.
	 *
	 * @param id the key's id
	 * @param name the key's name
	 * @param sources the sources it may write
	 * @param createdAt when it was created
	 * @param key the secret to send as {@code Authorization: Bearer <key>}
	 */
	record CreatedKey(UUID id, String name, Set<String> sources, Instant createdAt, String key) {

	}

}
