package io.flare.query.registry;

import java.time.Instant;

import io.flare.query.definition.MetricDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One version of a metric in the registry.
 *
 * @param name the metric's name
 * @param version 1 for the first definition, one more for each change
 * @param definition the definition, {@code null} when this version deletes the metric
 * @param author who made the change (the API's {@code X-Flare-Author} header, or
 * {@code file})
 * @param origin {@code api} or {@code file:<path>}
 * @param createdAt when
 * @param hash the SHA-256 of the canonical JSON ({@code null} for a deletion)
 * @param replacedBy for a deletion that renames: the metric that replaces this one
 */
public record StoredDefinition(String name, int version, @Nullable MetricDefinition definition, String author,
		String origin, Instant createdAt, @Nullable String hash, @Nullable String replacedBy) {

	/** Whether this version deletes the metric. */
	public boolean deleted() {
		return this.definition == null;
	}

}
