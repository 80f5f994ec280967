package io.flare.gateway.query;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;

/**
 * Evaluates through the query service's HTTP API, so its compiler and cache are the only
 * ones.
 */
final class HttpMetricResultSource implements MetricResultSource {

	private final WebClient client;

	private final QueryServiceProperties properties;

	HttpMetricResultSource(WebClient.Builder builder, QueryServiceProperties properties) {
		this.client = builder.baseUrl(properties.url().toString()).build();
		this.properties = properties;
	}

	@Override
	public Mono<JsonNode> result(String metric, Map<String, String> params) {
		return get((uri) -> {
			UriBuilder builder = uri.path("/v1/metrics/{name}/result");
			params.forEach((name, value) -> builder.queryParam(name, "{" + name + "}"));
			return builder.build(withName(metric, params));
		});
	}

	@Override
	public Mono<JsonNode> definition(String metric) {
		return get((uri) -> uri.path("/v1/metrics/{name}").build(metric)).map((version) -> version.path("definition"));
	}

	@Override
	public Mono<JsonNode> list() {
		return get((uri) -> uri.path("/v1/metrics").build());
	}

	private static Map<String, Object> withName(String metric, Map<String, String> params) {
		Map<String, Object> variables = new HashMap<>(params);
		variables.put("name", metric);
		return variables;
	}

	private Mono<JsonNode> get(Function<UriBuilder, URI> uri) {
		return this.client.get()
			.uri(uri)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.timeout(this.properties.timeout())
			.onErrorMap(HttpMetricResultSource::translate);
	}

	private static Throwable translate(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			String detail = response.getResponseBodyAsString();
			boolean retriable = response.getStatusCode().is5xxServerError();
			return new QueryServiceException("query service answered " + response.getStatusCode().value()
					+ (detail.isEmpty() ? "" : ": " + detail), retriable);
		}
		if (ex instanceof WebClientRequestException || ex instanceof TimeoutException) {
			return new QueryServiceException("query service unreachable: " + ex.getMessage(), true);
		}
		return ex;
	}

}
