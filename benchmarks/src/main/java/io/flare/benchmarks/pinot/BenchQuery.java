package io.flare.benchmarks.pinot;

import java.time.Duration;
import java.util.Locale;

/**
 * The dashboard-shaped queries the designs are compared on, each anchored at the data's
 * end time so every run reads the same rows.
 */
public enum BenchQuery {

	/**
	 * Top-10 entities by count in the last 5 minutes for one category. {@code entityId}
	 * breaks ties so that both tables must return the same ten.
	 */
	TOP_ENTITIES("a", "top-10 sports entities, last 5 min",
			"SELECT entityId, COUNT(*) AS n FROM %s WHERE category = 'sports' AND bucket1m >= %d"
					+ " GROUP BY entityId ORDER BY n DESC, entityId LIMIT 10",
			Duration.ofMinutes(5)),

	/** Per-10-second counts over the last hour. */
	COUNTS_PER_10S("b", "count per 10 s, last hour",
			"SELECT bucket10s, COUNT(*) FROM %s WHERE bucket10s >= %d GROUP BY bucket10s ORDER BY bucket10s LIMIT 1000",
			Duration.ofHours(1)),

	/** Distinct entities per country over the last hour (HyperLogLog). */
	DISTINCT_PER_COUNTRY("c", "distinct entities per country (HLL), last hour",
			"SELECT country, DISTINCTCOUNTHLL(entityId) FROM %s WHERE bucket1m >= %d GROUP BY country LIMIT 300",
			Duration.ofHours(1)),

	/** Sum of value per category over the last 5 minutes. */
	SUM_PER_CATEGORY("d", "sum of value per category, last 5 min",
			"SELECT category, SUM(value) FROM %s WHERE bucket1m >= %d GROUP BY category LIMIT 100",
			Duration.ofMinutes(5));

	private final String id;

	private final String description;

	private final String template;

	private final Duration window;

	BenchQuery(String id, String description, String template, Duration window) {
		this.id = id;
		this.description = description;
		this.template = template;
		this.window = window;
	}

	/**
	 * The query's letter, as in the issue.
	 * @return {@code a} to {@code d}
	 */
	public String id() {
		return this.id;
	}

	public String description() {
		return this.description;
	}

	/**
	 * The SQL for one table, reading the window that ends at the anchor.
	 * @param table the table name
	 * @param anchorMillis the data's end time T, epoch millis, floored to the minute
	 * @return the SQL
	 */
	public String sql(String table, long anchorMillis) {
		return String.format(Locale.ROOT, this.template, table, anchorMillis - this.window.toMillis());
	}

	/**
	 * The anchor for data whose last event happened at a time: that time floored to the
	 * minute, so the bucket filters fall on bucket boundaries.
	 * @param lastEventMillis the largest event time, epoch millis
	 * @return T
	 */
	public static long anchor(long lastEventMillis) {
		return Math.floorDiv(lastEventMillis, 60_000L) * 60_000L;
	}

}
