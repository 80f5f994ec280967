package io.flare.query.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables metrics and SQL may read.
 *
 * @param tables the tables by name
 */
public record TableCatalog(Map<String, TableSchema> tables) {

	/** Copies the map. */
	public TableCatalog {
		tables = Map.copyOf(tables);
	}

	/** The table named {@code name}, if known. */
	public Optional<TableSchema> table(String name) {
		return Optional.ofNullable(this.tables.get(name));
	}

	/** The names of every known table. */
	public Set<String> names() {
		return this.tables.keySet();
	}

}
