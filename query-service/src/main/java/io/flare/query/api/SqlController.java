package io.flare.query.api;

import java.time.Duration;

import io.flare.query.sql.SqlResult;
import io.flare.query.sql.SqlService;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ad-hoc drill-down SQL: {@code POST /v1/sql}.
 */
@RestController
class SqlController {

	private final SqlService sql;

	SqlController(SqlService sql) {
		this.sql = sql;
	}

	@PostMapping(path = "/v1/sql", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<SqlResult> json(@RequestBody SqlRequest request) {
		return this.sql.run(request.sql(),
				(request.timeoutMs() != null) ? Duration.ofMillis(request.timeoutMs()) : null);
	}

	@PostMapping(path = "/v1/sql", consumes = MediaType.TEXT_PLAIN_VALUE)
	Mono<SqlResult> text(@RequestBody String statement) {
		return this.sql.run(statement);
	}

	/**
	 * A drill-down request.
	 *
	 * @param sql one SELECT statement
	 * @param timeoutMs a timeout shorter than the configured one
	 * ({@code flare.sql.timeout})
	 */
	record SqlRequest(String sql, @Nullable Long timeoutMs) {

	}

}
