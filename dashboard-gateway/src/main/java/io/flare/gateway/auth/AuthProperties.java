package io.flare.gateway.auth;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard tokens.
 *
 * @param tokens each token with the metric names it may query and subscribe to
 * ({@code *}: every metric); no tokens, no connections
 */
@ConfigurationProperties("flare.gateway.auth")
public record AuthProperties(Map<String, List<String>> tokens) {

	public AuthProperties {
		tokens = (tokens != null) ? Map.copyOf(tokens) : Map.of();
	}

}
