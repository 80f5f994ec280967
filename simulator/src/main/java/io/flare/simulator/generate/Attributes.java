package io.flare.simulator.generate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small attribute maps with a stable order, so a seed gives byte-identical JSON on every
 * run.
 */
final class Attributes {

	private Attributes() {
	}

	static Map<String, String> of(String k1, String v1, String k2, String v2) {
		Map<String, String> map = new LinkedHashMap<>(4);
		map.put(k1, v1);
		map.put(k2, v2);
		return Collections.unmodifiableMap(map);
	}

	static Map<String, String> of(String k1, String v1, String k2, String v2, String k3, String v3) {
		Map<String, String> map = new LinkedHashMap<>(6);
		map.put(k1, v1);
		map.put(k2, v2);
		map.put(k3, v3);
		return Collections.unmodifiableMap(map);
	}

}
