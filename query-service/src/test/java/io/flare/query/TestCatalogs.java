package io.flare.query;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.flare.query.catalog.CatalogLoader;
import io.flare.query.catalog.StarTreeSpec;
import io.flare.query.catalog.TableCatalog;
import io.flare.query.catalog.TableSchema;

/**
 * The repository's real catalog (schemas/ and table-configs/), for tests.
 */
public final class TestCatalogs {

	private static final TableCatalog CATALOG = CatalogLoader.load(root());

	private TestCatalogs() {
	}

	public static Path root() {
		String configured = System.getProperty("flare.root");
		return (configured != null) ? Path.of(configured) : Path.of("..").toAbsolutePath().normalize();
	}

	public static TableCatalog catalog() {
		return CATALOG;
	}

	public static TableSchema events() {
		return CATALOG.table("events").orElseThrow();
	}

	/**
	 * The events columns with one fixed star-tree (the compiler's golden tests must not
	 * change when the table's indexes are tuned).
	 */
	public static TableSchema eventsWithOneStarTree() {
		StarTreeSpec tree = new StarTreeSpec(
				List.of("category", "source", "type", "country", "bucket1h", "bucket1m", "bucket10s"),
				Set.of("COUNT__*", "SUM__value", "MIN__value", "MAX__value"));
		return new TableSchema("events", events().columns(), List.of(tree));
	}

}
