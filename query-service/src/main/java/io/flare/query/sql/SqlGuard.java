package io.flare.query.sql;

import java.util.Set;

import io.flare.query.sql.SqlRejectedException.Reason;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Admits one plain SELECT over an allowed table, with a bounded LIMIT, parsed by
 * JSqlParser. What reaches Pinot is the statement re-printed from its syntax tree, never
 * the text as sent.
 */
public final class SqlGuard {

	private final SqlProperties properties;

	public SqlGuard(SqlProperties properties) {
		this.properties = properties;
	}

	/**
	 * Checks {@code sql} and returns the statement to run.
	 * @throws SqlRejectedException saying why it is refused
	 */
	public String check(String sql) {
		if (sql == null || sql.isBlank()) {
			throw new SqlRejectedException(Reason.INVALID, "The statement is empty");
		}
		if (sql.length() > this.properties.maxStatementChars()) {
			throw new SqlRejectedException(Reason.INVALID,
					"The statement is longer than " + this.properties.maxStatementChars() + " characters");
		}
		if (hasComment(sql)) {
			throw new SqlRejectedException(Reason.COMMENT, "Comments (-- or /* */) are not allowed in statements");
		}
		PlainSelect select = plainSelect(parse(sql));
		checkTables(select);
		boundLimit(select);
		return select.toString();
	}

	private static Statements parse(String sql) {
		try {
			return CCJSqlParserUtil.parseStatements(sql);
		}
		catch (JSQLParserException ex) {
			String detail = (ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage();
			String firstLine = String.valueOf(detail).split("\\R")[0];
			throw new SqlRejectedException(Reason.SYNTAX, "The statement cannot be parsed: " + firstLine);
		}
	}

	private static PlainSelect plainSelect(Statements statements) {
		if (statements.size() != 1) {
			throw new SqlRejectedException(Reason.MULTIPLE_STATEMENTS,
					"Exactly one statement is allowed, got " + statements.size());
		}
		Statement statement = statements.get(0);
		if (!(statement instanceof PlainSelect select)) {
			String kind = statement.getClass().getSimpleName();
			throw new SqlRejectedException(
					(statement instanceof net.sf.jsqlparser.statement.select.Select) ? Reason.TABLE_NOT_ALLOWED
							: Reason.NOT_SELECT,
					"Only a plain SELECT is allowed (no UNION, WITH, DDL, DML or SET), got " + kind);
		}
		if (select.getWithItemsList() != null || select.getIntoTables() != null || select.getForUpdateTable() != null
				|| select.getForMode() != null) {
			throw new SqlRejectedException(Reason.NOT_SELECT, "WITH, INTO and FOR UPDATE are not allowed");
		}
		return select;
	}

	private void checkTables(PlainSelect select) {
		if (!(select.getFromItem() instanceof Table from)) {
			throw new SqlRejectedException(Reason.TABLE_NOT_ALLOWED,
					"FROM must name one table of " + this.properties.allowedTables());
		}
		if (select.getJoins() != null && !select.getJoins().isEmpty()) {
			throw new SqlRejectedException(Reason.TABLE_NOT_ALLOWED, "Joins are not allowed");
		}
		Set<String> tables = new TablesNamesFinder<Void>().getTables((Statement) select);
		for (String table : tables) {
			if (!this.properties.allowedTables().contains(table)) {
				throw new SqlRejectedException(Reason.TABLE_NOT_ALLOWED,
						"Table '" + table + "' is not allowed; allowed: " + this.properties.allowedTables());
			}
		}
		if (tables.size() != 1 || from.getSchemaName() != null) {
			throw new SqlRejectedException(Reason.TABLE_NOT_ALLOWED,
					"Sub-queries are not allowed; FROM must name one table of " + this.properties.allowedTables());
		}
	}

	private void boundLimit(PlainSelect select) {
		if (select.getFetch() != null || select.getLimitBy() != null) {
			throw new SqlRejectedException(Reason.NOT_SELECT, "Use LIMIT (and OFFSET), not FETCH or LIMIT BY");
		}
		Limit limit = select.getLimit();
		if (limit == null) {
			select.setLimit(new Limit().withRowCount(new LongValue(this.properties.defaultLimit())));
			return;
		}
		long rows = whole(limit.getRowCount(), "LIMIT");
		long offset = whole(limit.getOffset(), "OFFSET")
				+ ((select.getOffset() != null) ? whole(select.getOffset().getOffset(), "OFFSET") : 0);
		if (rows + offset > this.properties.maxLimit()) {
			throw new SqlRejectedException(Reason.LIMIT_TOO_LARGE,
					"LIMIT " + rows + ((offset > 0) ? " with OFFSET " + offset : "") + " exceeds the maximum of "
							+ this.properties.maxLimit() + " rows");
		}
	}

	private static long whole(Expression expression, String clause) {
		if (expression == null) {
			return 0;
		}
		if (expression instanceof LongValue value && value.getValue() >= 0) {
			return value.getValue();
		}
		throw new SqlRejectedException(Reason.LIMIT_TOO_LARGE,
				clause + " must be a whole number, got '" + expression + "'");
	}

	/**
	 * Whether {@code sql} has a comment outside string literals and quoted identifiers.
	 */
	static boolean hasComment(String sql) {
		char quote = 0;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (quote != 0) {
				quote = (c == quote) ? 0 : quote;
			}
			else if (c == '\'' || c == '"' || c == '`') {
				quote = c;
			}
			else if (startsComment(sql, i)) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsComment(String sql, int i) {
		String two = sql.substring(i, Math.min(i + 2, sql.length()));
		return "--".equals(two) || "/*".equals(two) || "*/".equals(two) || sql.charAt(i) == '#';
	}

}
