package io.flare.query.api;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import io.flare.query.sql.SqlProperties;

import static org.assertj.core.api.Assertions.assertThat;

class RawEventsAccessFilterTests {

	private final RawEventsAccessFilter filter = new RawEventsAccessFilter(properties(Set.of("alpha", "beta")));

	@Test
	void shouldLetATokenHolderReadRawEvents() {
		assertThat(passes(MockServerHttpRequest.post("/v1/sql").header(HttpHeaders.AUTHORIZATION, "Bearer beta")))
			.isTrue();
		assertThat(passes(MockServerHttpRequest.get("/v1/metrics/m/drilldown?bucket=0")
			.header(HttpHeaders.AUTHORIZATION, "Bearer alpha"))).isTrue();
	}

	@Test
	void shouldRefuseRawEventsWithoutAnAllowedToken() {
		MockServerWebExchange missing = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/sql"));
		this.filter.filter(missing, (exchange) -> Mono.error(new AssertionError("passed")))
			.block(Duration.ofSeconds(5));
		assertThat(missing.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(missing.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(missing.getResponse().getBodyAsString().block()).contains("needs a token");

		assertThat(passes(MockServerHttpRequest.post("/v1/sql").header(HttpHeaders.AUTHORIZATION, "Bearer alph")))
			.isFalse();
		assertThat(passes(MockServerHttpRequest.post("/v1/sql").header(HttpHeaders.AUTHORIZATION, "alpha"))).isFalse();
		assertThat(passes(MockServerHttpRequest.get("/v1/metrics/m/drilldown")
			.header(HttpHeaders.AUTHORIZATION, "Bearer alpha, Bearer beta"))).isFalse();
	}

	@Test
	void shouldLeaveAggregatesAndOperationsOpen() {
		assertThat(passes(MockServerHttpRequest.get("/v1/metrics/m/result"))).isTrue();
		assertThat(passes(MockServerHttpRequest.get("/v1/metrics"))).isTrue();
		assertThat(passes(MockServerHttpRequest.get("/actuator/health"))).isTrue();
		assertThat(passes(MockServerHttpRequest.options("/v1/sql"))).isTrue();
	}

	@Test
	void shouldLetEveryoneInWhenNoTokenIsConfigured() {
		RawEventsAccessFilter open = new RawEventsAccessFilter(properties(Set.of()));
		AtomicBoolean passed = new AtomicBoolean();
		open.filter(MockServerWebExchange.from(MockServerHttpRequest.post("/v1/sql")), (exchange) -> {
			passed.set(true);
			return Mono.empty();
		}).block(Duration.ofSeconds(5));
		assertThat(passed).isTrue();
	}

	private boolean passes(MockServerHttpRequest.BaseBuilder<?> request) {
		AtomicBoolean passed = new AtomicBoolean();
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		this.filter.filter(exchange, (ignored) -> {
			passed.set(true);
			return Mono.empty();
		}).block(Duration.ofSeconds(5));
		if (!passed.get()) {
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		return passed.get();
	}

	private static SqlProperties properties(Set<String> tokens) {
		return new SqlProperties(Set.of("events"), 1000, 10_000, Duration.ofSeconds(3), 1_000_000, 10_000, tokens);
	}

}
