package io.flare.ingest.api;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/** Event JSON for HTTP tests. */
final class Fixtures {

	static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private Fixtures() {
	}

	static String event(@Nullable String id, String source, long eventTime) {
		String idField = (id != null) ? "\"eventId\":\"" + id + "\"," : "";
		return "{" + idField + "\"source\":\"" + source + "\",\"category\":\"sports\",\"type\":\"goal\","
				+ "\"entityId\":\"match-1\",\"eventTime\":" + eventTime + ",\"location\":{\"country\":\"FR\","
				+ "\"city\":\"Paris\",\"lat\":48.85,\"lon\":2.35},\"value\":1,\"attributes\":{\"minute\":\"42\"}}";
	}

}
