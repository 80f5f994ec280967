package io.flare.gateway.query;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the query service answers.
 *
 * @param url the query service's base URL
 * @param timeout how long one evaluation may take before it fails (retriable)
 */
@ConfigurationProperties("flare.gateway.query-service")
public record QueryServiceProperties(@DefaultValue("http://127.0.0.1:8082") URI url,
		@DefaultValue("5s") Duration timeout) {

}
