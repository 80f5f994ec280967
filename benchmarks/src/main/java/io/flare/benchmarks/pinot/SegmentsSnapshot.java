package io.flare.benchmarks.pinot;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A table's segments at one moment, and how many of its rows are still in consuming
 * segments (answered from raw rows, never from a star-tree).
 *
 * @param segments all segments in the ideal state
 * @param consumingSegments those in state {@code CONSUMING}
 * @param rowsInConsumingSegments rows the consuming segments hold
 */
record SegmentsSnapshot(int segments, int consumingSegments, long rowsInConsumingSegments) {

	/** The query whose rows {@link #of} reads. */
	static final String ROWS_PER_SEGMENT_SQL = "SELECT $segmentName, COUNT(*) FROM %s GROUP BY $segmentName LIMIT 100000";

	/**
	 * Reads the snapshot from the controller's ideal state and a rows-per-segment query.
	 * @param idealState the {@code REALTIME} map: segment → instance → state
	 * @param rowsPerSegment the query's {@code resultTable}
	 * @return the snapshot
	 */
	static SegmentsSnapshot of(JsonNode idealState, JsonNode rowsPerSegment) {
		Set<String> consuming = new HashSet<>();
		int segments = 0;
		for (Map.Entry<String, JsonNode> segment : idealState.properties()) {
			segments++;
			for (JsonNode state : segment.getValue()) {
				if ("CONSUMING".equals(state.asText())) {
					consuming.add(segment.getKey());
				}
			}
		}
		long rows = 0;
		for (JsonNode row : rowsPerSegment.path("rows")) {
			if (consuming.contains(row.path(0).asText())) {
				rows += row.path(1).asLong();
			}
		}
		return new SegmentsSnapshot(segments, consuming.size(), rows);
	}

}
