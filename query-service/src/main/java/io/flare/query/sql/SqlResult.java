package io.flare.query.sql;

import java.util.List;

/**
 * The answer of a drill-down statement.
 *
 * @param sql the statement Pinot ran (re-printed, with the enforced LIMIT)
 * @param columns the column names
 * @param types the column types
 * @param rows the rows
 * @param docsScanned rows Pinot read
 * @param timeUsedMs Pinot's time
 */
public record SqlResult(String sql, List<String> columns, List<String> types, List<List<Object>> rows, long docsScanned,
		long timeUsedMs) {

}
