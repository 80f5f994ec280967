package io.flare.query.sql;

import java.time.Duration;
import java.util.Set;

import io.flare.query.sql.SqlRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SqlGuardTests {

	private final SqlGuard guard = new SqlGuard(
			new SqlProperties(Set.of("events"), 1000, 10_000, Duration.ofSeconds(3), 1_000_000, 10_000, Set.of()));

	@Test
	void shouldAddTheDefaultLimitAndReprintTheStatement() {
		assertThat(this.guard.check("select category, count(*) from events where bucket1m >= 5 group by category"))
			.isEqualTo("SELECT category, count(*) FROM events WHERE bucket1m >= 5 GROUP BY category LIMIT 1000");
	}

	@Test
	void shouldKeepALimitWithinTheMaximum() {
		assertThat(this.guard.check("SELECT * FROM events LIMIT 20 OFFSET 40"))
			.isEqualTo("SELECT * FROM events LIMIT 20 OFFSET 40");
	}

	@Test
	void shouldKeepQuotesInsideStringLiterals() {
		assertThat(this.guard.check("SELECT * FROM events WHERE city = 'L''Aquila -- not a comment'"))
			.isEqualTo("SELECT * FROM events WHERE city = 'L''Aquila -- not a comment' LIMIT 1000");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					DROP TABLE events                                        | NOT_SELECT          | Only a plain SELECT is allowed (no UNION, WITH, DDL, DML or SET), got Drop
					CREATE TABLE x (a INT)                                   | NOT_SELECT          | Only a plain SELECT is allowed (no UNION, WITH, DDL, DML or SET), got CreateTable
					DELETE FROM events                                       | NOT_SELECT          | Only a plain SELECT is allowed (no UNION, WITH, DDL, DML or SET), got Delete
					INSERT INTO events (eventId) VALUES ('x')                | NOT_SELECT          | Only a plain SELECT is allowed (no UNION, WITH, DDL, DML or SET), got Insert
					UPDATE events SET city = 'x'                             | NOT_SELECT          | Only a plain SELECT is allowed (no UNION, WITH, DDL, DML or SET), got Update
					SELECT * FROM events; DROP TABLE events                  | MULTIPLE_STATEMENTS | Exactly one statement is allowed, got 2
					SELECT * FROM events -- LIMIT 5                          | COMMENT             | Comments (-- or /* */) are not allowed in statements
					SELECT * FROM events /* hidden */ LIMIT 5                | COMMENT             | Comments (-- or /* */) are not allowed in statements
					SELECT * FROM secrets                                    | TABLE_NOT_ALLOWED   | Table 'secrets' is not allowed; allowed: [events]
					SELECT * FROM events e JOIN secrets s ON e.a = s.a       | TABLE_NOT_ALLOWED   | Joins are not allowed
					SELECT * FROM (SELECT * FROM secrets)                    | TABLE_NOT_ALLOWED   | FROM must name one table of [events]
					SELECT * FROM events WHERE city IN (SELECT c FROM other) | TABLE_NOT_ALLOWED   | Table 'other' is not allowed; allowed: [events]
					SELECT * FROM events UNION SELECT * FROM events          | TABLE_NOT_ALLOWED   | Only a plain SELECT is allowed (no UNION, WITH, DDL, DML or SET), got SetOperationList
					SELECT * FROM events LIMIT 50000                         | LIMIT_TOO_LARGE     | LIMIT 50000 exceeds the maximum of 10000 rows
					SELECT * FROM events LIMIT 5000 OFFSET 9000              | LIMIT_TOO_LARGE     | LIMIT 5000 with OFFSET 9000 exceeds the maximum of 10000 rows
					'   '                                                    | INVALID             | The statement is empty
					""")
	void shouldRefuseWithAClearMessage(String sql, Reason reason, String message) {
		SqlRejectedException ex = assertThrows(SqlRejectedException.class, () -> this.guard.check(sql));
		assertThat(ex.reason()).isEqualTo(reason);
		assertThat(ex).hasMessage(message);
	}

	@Test
	void shouldRefuseUnparseableStatements() {
		SqlRejectedException ex = assertThrows(SqlRejectedException.class,
				() -> this.guard.check("SELEC * FROM events"));
		assertThat(ex.reason()).isEqualTo(Reason.SYNTAX);
		assertThat(ex.getMessage()).startsWith("The statement cannot be parsed:");
	}

	@Test
	void shouldRefuseOverlongStatements() {
		String sql = "SELECT * FROM events WHERE city = '" + "x".repeat(10_001) + "'";
		assertThat(assertThrows(SqlRejectedException.class, () -> this.guard.check(sql)))
			.hasMessage("The statement is longer than 10000 characters");
	}

}
