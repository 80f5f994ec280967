package io.flare.ingest.auth;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How callers are authenticated.
 *
 * @param cacheTtl how long a key lookup is remembered; a revoked key stops working on
 * other instances within this time (at once on the instance that revoked it)
 * @param storeTimeout how long a key lookup in PostgreSQL may take before the request is
 * answered 503
 * @param adminToken the bearer token of the admin API ({@code /admin/keys}); the admin
 * API is disabled (404) when unset
 */
@ConfigurationProperties("flare.ingest.auth")
@Validated
public record AuthProperties(@DefaultValue("30s") Duration cacheTtl, @DefaultValue("2s") Duration storeTimeout,
		@Nullable String adminToken) {

}
