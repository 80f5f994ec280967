package io.flare.ingest.auth;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored API key (never the key itself).
 *
 * @param id the key's id, used to revoke it
 * @param name who or what holds it, for people
 * @param sources the event sources the key may write
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or {@code null} while valid
 */
public record ApiKey(UUID id, String name, Set<String> sources, Instant createdAt, @Nullable Instant revokedAt) {

	public ApiKey {
		sources = Set.copyOf(sources);
	}

	/** Whether this key may write events of {@code source}. */
	public boolean allows(String source) {
		return this.sources.contains(source);
	}

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

}
