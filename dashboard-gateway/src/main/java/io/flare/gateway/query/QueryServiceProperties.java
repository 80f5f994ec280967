package io.flare.gateway.query;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the query service answers.
 *
 * @param url the query service's base URL
 * @param timeout how long one evaluation may take before it fails (retriable)
 * @param rawEventsToken the query service's token for raw events
 * ({@code flare.sql.tokens} there), sent with drill-down requests; none when the query
 * service needs none
 */
@ConfigurationProperties("flare.gateway.query-service")
public record QueryServiceProperties(@DefaultValue("http://127.0.0.1:8082") URI url,
		@DefaultValue("5s") Duration timeout, @Nullable String rawEventsToken) {

}
