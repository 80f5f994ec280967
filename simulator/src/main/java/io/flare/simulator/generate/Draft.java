package io.flare.simulator.generate;

import java.util.Map;

/**
 * What a feed decides about the next event; the factory adds id, category and time.
 */
record Draft(String source, String type, String entityId, GeneratedLocation location, double value,
		Map<String, String> attributes) {

}
