package io.flare.benchmarks.pinot;

import java.util.ArrayList;
import java.util.List;

/**
 * Row counts observed over time while a table ingests, starting at zero rows when the
 * table was created; reads times off the curve by linear interpolation between
 * observations.
 */
final class IngestionCurve {

	private final List<long[]> samples = new ArrayList<>(List.of(new long[] { 0, 0 }));

	/**
	 * Adds an observation; counts never go down.
	 * @param elapsedMillis since the table was created
	 * @param rows the row count then
	 */
	void add(long elapsedMillis, long rows) {
		long[] last = this.samples.get(this.samples.size() - 1);
		this.samples.add(new long[] { elapsedMillis, Math.max(rows, last[1]) });
	}

	/**
	 * When the first row was seen (the first observation with rows), or -1.
	 * @return elapsed millis
	 */
	long firstRowMillis() {
		return this.samples.stream()
			.filter((sample) -> sample[1] > 0)
			.mapToLong((sample) -> sample[0])
			.findFirst()
			.orElse(-1);
	}

	/**
	 * When the count reached a number of rows, interpolated, or -1 if it never did.
	 * @param rows the row count
	 * @return elapsed millis
	 */
	double millisToReach(long rows) {
		for (int i = 1; i < this.samples.size(); i++) {
			long[] before = this.samples.get(i - 1);
			long[] after = this.samples.get(i);
			if (after[1] >= rows) {
				if (after[1] == before[1]) {
					return after[0];
				}
				double share = (double) (rows - before[1]) / (after[1] - before[1]);
				return before[0] + share * (after[0] - before[0]);
			}
		}
		return -1;
	}

	/**
	 * The ingestion rate between 10% and 90% of the total: the steady state, without the
	 * start-up and the last sealed segments.
	 * @param total the expected row count
	 * @return rows per second, or 0 if the curve does not reach 90% of the total
	 */
	double steadyRowsPerSecond(long total) {
		long low = total / 10;
		long high = total * 9 / 10;
		double from = millisToReach(low);
		double to = millisToReach(high);
		if (from < 0 || to <= from) {
			return 0;
		}
		return (high - low) / ((to - from) / 1000);
	}

}
