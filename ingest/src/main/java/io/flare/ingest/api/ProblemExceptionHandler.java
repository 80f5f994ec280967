package io.flare.ingest.api;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import io.flare.ingest.IngestMetrics;

/**
 * Answers every error of the API's routes as {@code application/problem+json}, before
 * Boot's default error handler, and counts refusals (413, 429, 503) by reason.
 */
final class ProblemExceptionHandler implements WebExceptionHandler, Ordered {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ProblemMapper mapper;

	private final IngestMetrics metrics;

	ProblemExceptionHandler(ProblemMapper mapper, IngestMetrics metrics) {
		this.mapper = mapper;
		this.metrics = metrics;
	}

	@Override
	public int getOrder() {
		return -2;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(error);
		}
		Problem problem = this.mapper.map(error);
		count(problem);
		response.setStatusCode(problem.status());
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
		}
		if (problem.status() == HttpStatus.UNAUTHORIZED) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		DataBuffer buffer = response.bufferFactory().wrap(body(problem, exchange.getRequest().getPath().value()));
		return response.writeWith(Mono.just(buffer));
	}

	private void count(Problem problem) {
		int status = problem.status().value();
		if (status == 413 || status == 429 || status == 503) {
			this.metrics.refused(problem.slug().replace('-', '_'));
		}
	}

	static byte[] body(Problem problem, String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", Problem.TYPE_BASE + problem.slug());
		body.put("title", problem.title());
		body.put("status", problem.status().value());
		body.put("detail", problem.detail());
		body.put("instance", instance);
		if (problem.retryAfter() != null) {
			body.put("retryAfterSeconds", problem.retryAfterSeconds());
		}
		body.putAll(problem.extra());
		return JSON.writeValueAsBytes(body);
	}

}
