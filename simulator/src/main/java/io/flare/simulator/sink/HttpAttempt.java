package io.flare.simulator.sink;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one POST: accepted (with how many of its events ingest accepted and
 * rejected, and the first rejection's reason), worth retrying (and when), or failed for
 * good.
 */
record HttpAttempt(boolean accepted, boolean retriable, @Nullable Duration retryAfter, String error,
		long acceptedEvents, long rejectedEvents) {

	private static final int MAX_BODY_IN_ERROR = 200;

	private static final JsonFactory JSON = new JsonFactory();

	/** Judges a response to a batch of {@code events} events. */
	static HttpAttempt of(HttpResponse<String> response, Instant now, int events) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return outcome(response.body(), events);
		}
		String error = "HTTP " + status + " from " + response.uri() + bodyHint(response.body());
		if (status == 429 || status == 503) {
			Duration wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), now);
			return new HttpAttempt(false, true, wait, error, 0, events);
		}
		return new HttpAttempt(false, status == 502 || status == 504, null, error, 0, events);
	}

	/**
	 * Reads ingest's answer {@code {accepted, rejected, ids, errors:[{index, field, code,
	 * reason}]}}; an answer without an {@code accepted} count (another endpoint) means
	 * the whole batch was taken.
	 */
	static HttpAttempt outcome(@Nullable String body, int events) {
		Answer answer = Answer.read(body);
		if (answer.accepted < 0) {
			return new HttpAttempt(true, false, null, "", events, 0);
		}
		String error = (answer.rejected > 0)
				? answer.rejected + " of " + events + " events rejected by ingest: " + answer.reason : "";
		return new HttpAttempt(true, false, null, error, answer.accepted, answer.rejected);
	}

	/** The counts of ingest's answer; {@code accepted < 0} when it has none. */
	private static final class Answer {

		private long accepted = -1;

		private long rejected;

		private String reason = "";

		static Answer read(@Nullable String body) {
			Answer answer = new Answer();
			if (body == null) {
				return answer;
			}
			try (JsonParser parser = JSON.createParser(body)) {
				if (parser.nextToken() == JsonToken.START_OBJECT) {
					while (parser.nextToken() == JsonToken.FIELD_NAME) {
						answer.field(parser.currentName(), parser.nextToken(), parser);
					}
				}
			}
			catch (IOException ex) {
				answer.accepted = -1;
			}
			return answer;
		}

		private void field(String name, JsonToken value, JsonParser parser) throws IOException {
			boolean number = value == JsonToken.VALUE_NUMBER_INT;
			if ("accepted".equals(name) && number) {
				this.accepted = parser.getLongValue();
			}
			else if ("rejected".equals(name) && number) {
				this.rejected = parser.getLongValue();
			}
			else if ("errors".equals(name) && value == JsonToken.START_ARRAY) {
				this.reason = firstReason(parser);
			}
			else {
				parser.skipChildren();
			}
		}

	}

	/**
	 * "field: reason" of the first error of the array the parser is at; skips the rest.
	 */
	private static String firstReason(JsonParser parser) throws IOException {
		String field = "";
		String reason = "";
		if (parser.nextToken() == JsonToken.START_OBJECT) {
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				if ("field".equals(name)) {
					field = parser.getValueAsString("");
				}
				else if ("reason".equals(name)) {
					reason = parser.getValueAsString("");
				}
				else {
					parser.skipChildren();
				}
			}
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				parser.skipChildren();
			}
		}
		return field.isEmpty() ? reason : field + ": " + reason;
	}

	HttpAttempt withError(String message) {
		return new HttpAttempt(this.accepted, this.retriable, this.retryAfter, message, this.acceptedEvents,
				this.rejectedEvents);
	}

	static HttpAttempt unreachable(String error, int events) {
		return new HttpAttempt(false, true, null, error, 0, events);
	}

	static HttpAttempt interrupted(int events) {
		return new HttpAttempt(false, false, null, "interrupted", 0, events);
	}

	private static String bodyHint(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		String oneLine = body.strip().replace('\n', ' ');
		return ": "
				+ ((oneLine.length() > MAX_BODY_IN_ERROR) ? oneLine.substring(0, MAX_BODY_IN_ERROR) + "…" : oneLine);
	}

}
