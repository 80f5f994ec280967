package io.flare.query.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.flare.query.sql.SqlProperties;

/**
 * Raw events are readable only with a token ({@code flare.sql.tokens}): {@code POST
 * /v1/sql} and {@code GET /v1/metrics/{name}/drilldown} answer 401 without
 * {@code Authorization: Bearer <token>}. Metric results (aggregates) stay open to the
 * dashboards. With no token configured every caller may read raw events, and the service
 * says so at start-up.
 */
@Component
class RawEventsAccessFilter implements WebFilter {

	private static final Logger LOG = LoggerFactory.getLogger(RawEventsAccessFilter.class);

	private static final List<PathPattern> RAW = List.of(PathPatternParser.defaultInstance.parse("/v1/sql"),
			PathPatternParser.defaultInstance.parse("/v1/metrics/{name}/drilldown"));

	private final List<byte[]> accepted;

	RawEventsAccessFilter(SqlProperties properties) {
		Set<String> tokens = properties.tokens();
		this.accepted = tokens.stream()
			.filter((token) -> !token.isBlank())
			.map((token) -> ("Bearer " + token).getBytes(StandardCharsets.UTF_8))
			.toList();
		if (this.accepted.isEmpty()) {
			LOG.warn("Raw events (POST /v1/sql, drill-down) are open to every caller: "
					+ "set flare.sql.tokens to require a bearer token");
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (this.accepted.isEmpty() || !isRaw(request) || isAllowed(request.getHeaders())) {
			return chain.filter(exchange);
		}
		return refuse(exchange.getResponse(), request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION));
	}

	private static boolean isRaw(ServerHttpRequest request) {
		if (request.getMethod() == HttpMethod.OPTIONS) {
			return false;
		}
		return RAW.stream().anyMatch((pattern) -> pattern.matches(request.getPath().pathWithinApplication()));
	}

	private boolean isAllowed(HttpHeaders headers) {
		String given = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (given == null) {
			return false;
		}
		byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
		boolean allowed = false;
		for (byte[] token : this.accepted) {
			// every token compared, in constant time, so timing says nothing about which
			allowed |= MessageDigest.isEqual(token, bytes);
		}
		return allowed;
	}

	private static Mono<Void> refuse(ServerHttpResponse response, boolean tokenGiven) {
		String detail = tokenGiven ? "The token is not allowed to read raw events"
				: "Reading raw events needs a token: send Authorization: Bearer <token>";
		String body = "{\"type\":\"https://flare.io/problems/unauthenticated\",\"title\":\"Unauthenticated\","
				+ "\"status\":401,\"detail\":\"" + detail + "\"}";
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"flare\"");
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

}
