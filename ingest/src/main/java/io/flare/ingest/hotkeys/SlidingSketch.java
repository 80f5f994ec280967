package io.flare.ingest.hotkeys;

import java.util.ArrayList;
import java.util.List;

import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;

/**
 * A frequent-items sketch over a sliding window: one sketch per slice in a ring; a query
 * merges the slices still inside the window. Synchronised: updates come in batches.
 */
final class SlidingSketch {

	private final int maxMapSize;

	private final long sliceMillis;

	private final ItemsSketch<String>[] slices;

	private final long[] sliceEpochs;

	@SuppressWarnings("unchecked")
	SlidingSketch(int slices, long sliceMillis, int maxMapSize) {
		this.maxMapSize = maxMapSize;
		this.sliceMillis = sliceMillis;
		this.slices = new ItemsSketch[slices];
		this.sliceEpochs = new long[slices];
		for (int i = 0; i < slices; i++) {
			this.slices[i] = new ItemsSketch<>(maxMapSize);
			this.sliceEpochs[i] = -1;
		}
	}

	synchronized void update(String item, long count, long nowMillis) {
		current(nowMillis).update(item, count);
	}

	private ItemsSketch<String> current(long nowMillis) {
		long epoch = nowMillis / this.sliceMillis;
		int index = (int) (epoch % this.slices.length);
		if (this.sliceEpochs[index] != epoch) {
			this.slices[index].reset();
			this.sliceEpochs[index] = epoch;
		}
		return this.slices[index];
	}

	/** The heaviest items over the window, heaviest first. */
	synchronized CategoryHotKeys top(String category, int limit, long nowMillis) {
		long epoch = nowMillis / this.sliceMillis;
		ItemsSketch<String> merged = new ItemsSketch<>(this.maxMapSize);
		for (int i = 0; i < this.slices.length; i++) {
			if (this.sliceEpochs[i] > epoch - this.slices.length && this.sliceEpochs[i] <= epoch) {
				merged.merge(this.slices[i]);
			}
		}
		long total = merged.getStreamLength();
		List<HotKey> top = new ArrayList<>(limit);
		for (ItemsSketch.Row<String> row : merged.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
			if (top.size() == limit) {
				break;
			}
			double share = (total == 0) ? 0 : (double) row.getEstimate() / total;
			top.add(new HotKey(row.getItem(), row.getEstimate(), row.getLowerBound(), row.getUpperBound(), share));
		}
		return new CategoryHotKeys(category, total, top);
	}

}
