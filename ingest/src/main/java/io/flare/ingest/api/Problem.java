package io.flare.ingest.api;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * One whole-request error as RFC 9457 problem details, with a Retry-After when a retry
 * may succeed.
 *
 * @param status the HTTP status
 * @param slug the problem type's last segment, e.g. {@code body-too-large}
 * @param title a short, fixed summary of the type
 * @param detail what went wrong with this request
 * @param retryAfter when a retry may succeed, or {@code null} when it will not
 * @param extra further members of the problem body
 */
record Problem(HttpStatus status, String slug, String title, String detail, @Nullable Duration retryAfter,
		Map<String, Object> extra) {

	/** The base of every problem type URI. */
	static final String TYPE_BASE = "https://flare.dev/problems/";

	static Problem of(HttpStatus status, String slug, String title, String detail) {
		return new Problem(status, slug, title, detail, null, Map.of());
	}

	Problem retryAfter(Duration after) {
		return new Problem(this.status, this.slug, this.title, this.detail, after, this.extra);
	}

	Problem with(Map<String, Object> members) {
		return new Problem(this.status, this.slug, this.title, this.detail, this.retryAfter, members);
	}

	/** Retry-After in whole seconds, at least 1. */
	long retryAfterSeconds() {
		return (this.retryAfter == null) ? 0 : Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
