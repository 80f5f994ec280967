package io.flare.query.pinot;

import java.util.Arrays;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The recent answer times of each query shape: the SQL with its numbers blanked out, so a
 * metric's query is one shape whichever window it asks for. Bounded in shapes (the least
 * recently used are forgotten) and in answers per shape.
 */
final class ShapeLatencies {

	/** Answers remembered per shape. */
	static final int HISTORY = 128;

	/** Answers a shape needs before its quantiles mean anything. */
	static final int MIN_SAMPLES = 20;

	private static final int MAX_SHAPES = 1_000;

	private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:\\.\\d+)?\\b");

	private final Cache<String, History> shapes = Caffeine.newBuilder().maximumSize(MAX_SHAPES).build();

	/**
	 * The shape of a query.
	 * @param sql the query
	 * @return the query with each number replaced by {@code ?}
	 */
	static String shapeOf(String sql) {
		return NUMBER.matcher(sql).replaceAll("?");
	}

	/**
	 * Remembers an answer time.
	 * @param shape the query's shape
	 * @param nanos how long its answer took
	 */
	void record(String shape, long nanos) {
		this.shapes.get(shape, (key) -> new History()).add(nanos);
	}

	/**
	 * A quantile of the shape's recent answer times.
	 * @param shape the query's shape
	 * @param quantile between 0 and 1
	 * @return nanoseconds, or -1 while the shape has fewer than {@link #MIN_SAMPLES}
	 * answers
	 */
	long quantileNanos(String shape, double quantile) {
		History history = this.shapes.getIfPresent(shape);
		return (history != null) ? history.quantile(quantile) : -1;
	}

	private static final class History {

		private final long[] nanos = new long[HISTORY];

		private int next;

		private int size;

		synchronized void add(long value) {
			this.nanos[this.next] = value;
			this.next = (this.next + 1) % HISTORY;
			this.size = Math.min(HISTORY, this.size + 1);
		}

		synchronized long quantile(double quantile) {
			int size = this.size;
			if (size < MIN_SAMPLES) {
				return -1;
			}
			long[] sorted = Arrays.copyOf(this.nanos, size);
			Arrays.sort(sorted);
			int rank = (int) Math.ceil(quantile * size);
			return sorted[Math.max(0, Math.min(size, rank) - 1)];
		}

	}

}
