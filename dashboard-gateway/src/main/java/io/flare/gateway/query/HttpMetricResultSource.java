package io.flare.gateway.query;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;

/**
 * Evaluates through the query service's HTTP API, so its compiler and cache are the only
 * ones. Results are asked for with {@code Cache-Control: no-cache}: the gateway evaluates
 * because something changed, so it needs the live edge as Pinot holds it now, not the
 * query service's shared live result (final buckets still come from its cache); one
 * evaluation serves every subscriber of a query.
 */
final class HttpMetricResultSource implements MetricResultSource {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
		}, (headers) -> headers.setCacheControl(CacheControl.noCache()));
	}

	@Override
	public Mono<JsonNode> definition(String metric) {
		return get((uri) -> uri.path("/v1/metrics/{name}").build(metric)).map((version) -> version.path("definition"));
	}

	@Override
	public Mono<JsonNode> list() {
		return get((uri) -> uri.path("/v1/metrics").build());
	}

	@Override
	public Mono<JsonNode> drilldown(String metric, Map<String, String> params, long bucket, int page, int size) {
		Map<String, Object> variables = withName(metric, params);
		variables.put("bucket", bucket);
		variables.put("page", page);
		variables.put("size", size);
		String token = this.properties.rawEventsToken();
		return get((uri) -> {
			UriBuilder builder = uri.path("/v1/metrics/{name}/drilldown");
			params.forEach((name, value) -> builder.queryParam(name, "{" + name + "}"));
			return builder.queryParam("bucket", "{bucket}")
				.queryParam("page", "{page}")
				.queryParam("size", "{size}")
				.build(variables);
		}, (headers) -> {
			if (token != null && !token.isBlank()) {
				headers.setBearerAuth(token);
			}
		});
	}

	private static Map<String, Object> withName(String metric, Map<String, String> params) {
		Map<String, Object> variables = new HashMap<>(params);
		variables.put("name", metric);
		return variables;
	}

	private Mono<JsonNode> get(Function<UriBuilder, URI> uri) {
		return get(uri, (headers) -> {
		});
	}

	private Mono<JsonNode> get(Function<UriBuilder, URI> uri, Consumer<HttpHeaders> headers) {
		return this.client.get()
			.uri(uri)
			.headers(headers)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.timeout(this.properties.timeout())
			.onErrorMap(HttpMetricResultSource::translate);
	}

	/** The {@code detail} of a problem answer, else the body as it is. */
	private static String problemDetail(String body) {
		try {
			JsonNode problem = JSON.readTree(body);
			String detail = problem.path("detail").asString("");
			return detail.isEmpty() ? body : detail;
		}
		catch (JacksonException ex) {
			return body;
		}
	}

	private static Throwable translate(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			String detail = problemDetail(response.getResponseBodyAsString());
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
