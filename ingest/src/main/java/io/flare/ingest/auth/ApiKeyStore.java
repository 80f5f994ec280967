package io.flare.ingest.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where API keys are kept, by the SHA-256 of the key. Calls block; callers run them off
 * the event loop.
 */
public interface ApiKeyStore {

	/** The key whose secret hashes to {@code keyHash}, revoked or not. */
	Optional<ApiKey> findByHash(String keyHash);

	/** Stores a new key and returns it. */
	ApiKey create(String name, Set<String> sources, String keyHash);

	/** Revokes a key; false when no valid key has that id. */
	boolean revoke(UUID id);

	/** Every key, newest first. */
	List<ApiKey> list();

}
