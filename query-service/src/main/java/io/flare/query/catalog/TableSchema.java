package io.flare.query.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Pinot table as metrics see it.
 *
 * @param name the table name
 * @param columns every column and its type
 * @param starTrees the table's star-tree indexes
 */
public record TableSchema(String name, Map<String, ColumnType> columns, List<StarTreeSpec> starTrees) {

	/** Copies the collections. */
	public TableSchema {
		columns = Map.copyOf(columns);
		starTrees = List.copyOf(starTrees);
	}

	/** The type of {@code column}, if the table has it. */
	public Optional<ColumnType> type(String column) {
		return Optional.ofNullable(this.columns.get(column));
	}

}
