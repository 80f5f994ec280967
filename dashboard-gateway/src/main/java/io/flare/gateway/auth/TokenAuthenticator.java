package io.flare.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the token of an RSocket setup payload ({@code {"token": "…"}}) and grants what
 * the configuration allows it.
 */
public final class TokenAuthenticator {

	/** A setup payload larger than this is refused unread. */
	static final int MAX_SETUP_LENGTH = 4096;

	private final Map<String, List<String>> tokens;

	private final JsonMapper json = JsonMapper.builder().build();

	public TokenAuthenticator(AuthProperties properties) {
		this.tokens = properties.tokens();
	}

	/**
	 * Authenticates a setup payload.
	 * @param setup the setup payload's data, or {@code null} when it had none
	 * @return the grant
	 * @throws AuthenticationException when the payload is missing, too large, malformed
	 * or has an unknown token
	 */
	public Grant authenticate(@Nullable String setup) {
		if (setup == null || setup.isBlank()) {
			throw new AuthenticationException("setup: a JSON payload {\"token\": \"...\"} is required");
		}
		if (setup.length() > MAX_SETUP_LENGTH) {
			throw new AuthenticationException("setup: the payload is larger than " + MAX_SETUP_LENGTH + " characters");
		}
		JsonNode token;
		try {
			token = this.json.readTree(setup).path("token");
		}
		catch (JacksonException ex) {
			throw new AuthenticationException("setup: the payload is not JSON; send {\"token\": \"...\"}");
		}
		if (!token.isString() || token.asString().isEmpty()) {
			throw new AuthenticationException("setup: 'token' is missing or not a string");
		}
		for (Map.Entry<String, List<String>> entry : this.tokens.entrySet()) {
			if (constantTimeEquals(entry.getKey(), token.asString())) {
				return new Grant(new HashSet<>(entry.getValue()));
			}
		}
		throw new AuthenticationException("setup: unknown token");
	}

	private static boolean constantTimeEquals(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
