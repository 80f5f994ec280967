package io.flare.benchmarks.pinot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Whether two tables answered a query alike: the same rows, in any order (a group-by
 * without ORDER BY has none), with floating-point sums equal to within a relative 1e-9 (a
 * star-tree adds the same values in a different order, so the last bits may differ);
 * every other cell must be equal.
 *
 * @param same whether the answers match
 * @param difference the first difference found, for the results file, or {@code null}
 */
record ResultComparison(boolean same, @Nullable String difference) {

	static final double RELATIVE_TOLERANCE = 1e-9;

	/**
	 * Compares two broker {@code resultTable}s.
	 * @param left one table's answer
	 * @param right the other's
	 * @return the comparison
	 */
	static ResultComparison of(JsonNode left, JsonNode right) {
		List<JsonNode> leftRows = sortedRows(left);
		List<JsonNode> rightRows = sortedRows(right);
		if (leftRows.size() != rightRows.size()) {
			return differ(leftRows.size() + " rows vs " + rightRows.size());
		}
		for (int i = 0; i < leftRows.size(); i++) {
			if (!sameRow(leftRows.get(i), rightRows.get(i))) {
				return differ("row " + leftRows.get(i) + " vs " + rightRows.get(i));
			}
		}
		return new ResultComparison(true, null);
	}

	private static ResultComparison differ(String difference) {
		return new ResultComparison(false, difference);
	}

	private static List<JsonNode> sortedRows(JsonNode resultTable) {
		List<JsonNode> rows = new ArrayList<>();
		resultTable.path("rows").forEach(rows::add);
		rows.sort(Comparator.comparing((JsonNode row) -> row.path(0).asText()));
		return rows;
	}

	private static boolean sameRow(JsonNode left, JsonNode right) {
		if (left.size() != right.size()) {
			return false;
		}
		for (int i = 0; i < left.size(); i++) {
			if (!sameCell(left.get(i), right.get(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean sameCell(JsonNode left, JsonNode right) {
		if (left.isFloatingPointNumber() || right.isFloatingPointNumber()) {
			if (!left.isNumber() || !right.isNumber()) {
				return false;
			}
			double a = left.asDouble();
			double b = right.asDouble();
			return a == b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
		}
		return left.equals(right);
	}

}
