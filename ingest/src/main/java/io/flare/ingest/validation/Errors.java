package io.flare.ingest.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects every error of one event, so a caller learns all of them at once. */
final class Errors {

	private static final int MAX_ECHO = 40;

	private final List<FieldError> list = new ArrayList<>(2);

	void add(String field, RejectCode code, String reason) {
		this.list.add(new FieldError(field, code, reason));
	}

	boolean isEmpty() {
		return this.list.isEmpty();
	}

	int size() {
		return this.list.size();
	}

	List<FieldError> list() {
		return this.list;
	}

	/** A caller's name (e.g. an unknown field) cut short for use as a path. */
	static String truncate(String name) {
		return (name.length() <= MAX_ECHO) ? name : name.substring(0, MAX_ECHO) + "...";
	}

	/** Quotes a caller's value for a message, cut short so a huge value is not echoed. */
	static String echo(String value) {
		if (value.length() <= MAX_ECHO) {
			return "'" + value + "'";
		}
		return "'" + value.substring(0, MAX_ECHO) + "...' (" + value.length() + " characters)";
	}

}
