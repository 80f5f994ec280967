package io.flare.infra.provisioning;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where two JSON documents differ, by dotted path; object key order never matters, array
 * order does.
 */
final class JsonDiff {

	private JsonDiff() {
	}

	static List<String> paths(JsonNode expected, JsonNode actual) {
		List<String> paths = new ArrayList<>();
		collect("", expected, actual, paths);
		return paths;
	}

	private static void collect(String path, JsonNode expected, JsonNode actual, List<String> paths) {
		if (expected.isObject() && actual.isObject()) {
			TreeSet<String> names = new TreeSet<>();
			expected.fieldNames().forEachRemaining(names::add);
			actual.fieldNames().forEachRemaining(names::add);
			for (String name : names) {
				collect(path.isEmpty() ? name : path + "." + name, expected.path(name), actual.path(name), paths);
			}
		}
		else if (isArrayOfObjects(expected, actual)) {
			for (int i = 0; i < expected.size(); i++) {
				collect(path + "[" + i + "]", expected.get(i), actual.get(i), paths);
			}
		}
		else if (!expected.equals(actual)) {
			paths.add(path.isEmpty() ? "(whole document)" : path);
		}
	}

	private static boolean isArrayOfObjects(JsonNode expected, JsonNode actual) {
		if (!expected.isArray() || !actual.isArray() || expected.size() != actual.size()) {
			return false;
		}
		for (int i = 0; i < expected.size(); i++) {
			if (!expected.get(i).isObject() || !actual.get(i).isObject()) {
				return false;
			}
		}
		return true;
	}

	static String describe(List<String> paths) {
		int shown = Math.min(paths.size(), 5);
		StringBuilder text = new StringBuilder();
		Iterator<String> iterator = paths.iterator();
		for (int i = 0; i < shown; i++) {
			text.append((i > 0) ? ", " : "").append(iterator.next());
		}
		if (paths.size() > shown) {
			text.append(" and ").append(paths.size() - shown).append(" more");
		}
		return text.toString();
	}

}
