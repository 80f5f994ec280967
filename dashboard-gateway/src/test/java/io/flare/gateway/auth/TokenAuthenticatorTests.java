package io.flare.gateway.auth;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenAuthenticatorTests {

	private final TokenAuthenticator authenticator = new TokenAuthenticator(
			new AuthProperties(Map.of("all", List.of("*"), "news-only", List.of("breaking-news-velocity"))));

	@Test
	void shouldGrantTheMetricsConfiguredForTheToken() {
		Grant grant = this.authenticator.authenticate("{\"token\": \"news-only\"}");

		assertThat(grant.permits("breaking-news-velocity")).isTrue();
		assertThat(grant.permits("trending-entities")).isFalse();
		assertThat(this.authenticator.authenticate("{\"token\": \"all\"}").permits("trending-entities")).isTrue();
	}

	@Test
	void shouldRejectAnUnknownToken() {
		assertThat(assertThrows(AuthenticationException.class,
				() -> this.authenticator.authenticate("{\"token\": \"guess\"}")))
			.hasMessage("setup: unknown token");
	}

	@Test
	void shouldRejectAMissingOrMalformedSetupPayload() {
		assertThat(assertThrows(AuthenticationException.class, () -> this.authenticator.authenticate(null)))
			.hasMessage("setup: a JSON payload {\"token\": \"...\"} is required");
		assertThat(assertThrows(AuthenticationException.class, () -> this.authenticator.authenticate("{token")))
			.hasMessage("setup: the payload is not JSON; send {\"token\": \"...\"}");
		assertThat(assertThrows(AuthenticationException.class, () -> this.authenticator.authenticate("{\"token\": 7}")))
			.hasMessage("setup: 'token' is missing or not a string");
		assertThat(assertThrows(AuthenticationException.class, () -> this.authenticator.authenticate("[\"all\"]")))
			.hasMessage("setup: 'token' is missing or not a string");
		String huge = "{\"token\": \"all\", \"pad\": \"" + "x".repeat(10_000) + "\"}";
		assertThat(assertThrows(AuthenticationException.class, () -> this.authenticator.authenticate(huge)))
			.hasMessage("setup: the payload is larger than 4096 characters");
	}

	@Test
	void shouldRejectEveryTokenWhenNoneIsConfigured() {
		TokenAuthenticator none = new TokenAuthenticator(new AuthProperties(null));

		assertThrows(AuthenticationException.class, () -> none.authenticate("{\"token\": \"all\"}"));
	}

}
