package io.flare.query.pinot;

import java.util.List;

/**
 * What Pinot answered: a table and the execution statistics.
 *
 * @param columns the column names
 * @param types the column data types as Pinot names them (LONG, DOUBLE, STRING, ...)
 * @param rows the rows; cells are {@link Long}, {@link Double} or {@link String}
 * @param stats the execution statistics
 */
public record QueryResult(List<String> columns, List<String> types, List<List<Object>> rows, QueryStats stats) {

	/** Copies the lists. */
	public QueryResult {
		columns = List.copyOf(columns);
		types = List.copyOf(types);
		rows = List.copyOf(rows);
	}

	/**
	 * Pinot's execution statistics.
	 *
	 * @param numDocsScanned rows read
	 * @param totalDocs rows in the queried segments
	 * @param numSegmentsQueried segments queried
	 * @param numSegmentsProcessed segments processed (after pruning)
	 * @param numConsumingSegmentsQueried consuming segments queried
	 * @param timeUsedMs broker time
	 * @param numGroupsLimitReached whether some groups were dropped
	 */
	public record QueryStats(long numDocsScanned, long totalDocs, long numSegmentsQueried, long numSegmentsProcessed,
			long numConsumingSegmentsQueried, long timeUsedMs, boolean numGroupsLimitReached) {

		/** No statistics. */
		public static final QueryStats NONE = new QueryStats(0, 0, 0, 0, 0, 0, false);

	}

}
