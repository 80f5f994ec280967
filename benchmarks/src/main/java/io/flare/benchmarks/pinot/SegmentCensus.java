package io.flare.benchmarks.pinot;

import io.flare.infra.testing.PinotBroker;

/** Takes {@link SegmentsSnapshot}s of a table from the controller and the broker. */
final class SegmentCensus {

	private final PinotController controller;

	private final PinotBroker broker;

	SegmentCensus(PinotController controller, PinotBroker broker) {
		this.controller = controller;
		this.broker = broker;
	}

	SegmentsSnapshot take(String table) {
		return SegmentsSnapshot.of(this.controller.idealState(table),
				this.broker.query(String.format(SegmentsSnapshot.ROWS_PER_SEGMENT_SQL, table)).path("resultTable"));
	}

}
