package io.flare.query.api;

import java.net.URI;
import java.util.List;

import io.flare.query.compile.ParameterException;
import io.flare.query.definition.InvalidDefinitionException;
import io.flare.query.pinot.QueryExecutionException;
import io.flare.query.registry.MetricDeletedException;
import io.flare.query.registry.MetricNotFoundException;
import io.flare.query.sql.SqlRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Translates errors, once, into RFC 9457 problem details
 * ({@code application/problem+json}): {@code type} names the kind, {@code detail} says
 * what to change, {@code errors} lists every problem, {@code retriable} says whether the
 * same request may succeed later.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final String TYPES = "https://flare.io/problems/";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidDefinition(InvalidDefinitionException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-definition", "Invalid metric definition",
				ex.getMessage(), ex.errors(), false);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidParameters(ParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-parameters", "Invalid parameters", ex.getMessage(), ex.errors(),
				false);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(MetricNotFoundException ex) {
		if (ex instanceof MetricDeletedException deleted) {
			ResponseEntity<ProblemDetail> gone = problem(HttpStatus.GONE, "metric-deleted", "Metric deleted",
					ex.getMessage(), List.of(), false);
			if (deleted.replacedBy() != null) {
				gone.getBody().setProperty("replacedBy", deleted.replacedBy());
			}
			return gone;
		}
		return problem(HttpStatus.NOT_FOUND, "metric-not-found", "Metric not found", ex.getMessage(), List.of(), false);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> sqlRejected(SqlRejectedException ex) {
		HttpStatus status = (ex.reason() == SqlRejectedException.Reason.RESULT_TOO_LARGE)
				? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
		String code = ex.reason().name().toLowerCase().replace('_', '-');
		return problem(status, "sql-" + code, "SQL statement refused", ex.getMessage(), List.of(), false);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badInput(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", ex.getMessage(), List.of(), false);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badInput(ServerWebInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", ex.getReason(), List.of(), false);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> queryFailed(QueryExecutionException ex) {
		return switch (ex.kind()) {
			case TIMEOUT -> problem(HttpStatus.GATEWAY_TIMEOUT, "query-timeout", "Query timed out", ex.getMessage(),
					List.of(), true);
			case UNAVAILABLE -> problem(HttpStatus.SERVICE_UNAVAILABLE, "pinot-unavailable", "Pinot unavailable",
					ex.getMessage(), List.of(), true);
			case REJECTED -> problem(HttpStatus.BAD_REQUEST, "query-rejected", "Pinot rejected the query",
					ex.getMessage(), List.of(), false);
			default -> {
				LOG.warn("Query failed", ex);
				yield problem(HttpStatus.BAD_GATEWAY, "query-failed", "Query failed", ex.getMessage(), List.of(),
						false);
			}
		};
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
			List<String> errors, boolean retriable) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		problem.setProperty("retriable", retriable);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (retriable) {
			response.header("Retry-After", "1");
		}
		return response.body(problem);
	}

}
