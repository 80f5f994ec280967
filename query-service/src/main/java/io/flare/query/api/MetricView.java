package io.flare.query.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flare.query.definition.MetricDefinition;
import io.flare.query.registry.StoredDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A metric version as the API shows it.
 *
 * @param name the name
 * @param version the version
 * @param author who made it
 * @param origin {@code api} or {@code file:metrics/...}
 * @param createdAt when
 * @param deleted whether this version deletes the metric
 * @param definition the definition ({@code null} when deleted)
 * @param replacedBy for a deletion that renamed the metric: its new name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MetricView(String name, int version, String author, String origin, Instant createdAt, boolean deleted,
		@Nullable MetricDefinition definition, @Nullable String replacedBy) {

	static MetricView of(StoredDefinition stored) {
		return new MetricView(stored.name(), stored.version(), stored.author(), stored.origin(), stored.createdAt(),
				stored.deleted(), stored.definition(), stored.replacedBy());
	}

}
