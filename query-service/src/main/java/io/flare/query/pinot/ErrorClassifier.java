package io.flare.query.pinot;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.flare.query.pinot.QueryExecutionException.Kind;

/**
 * Maps what Pinot and its client report to retriable or fatal failures.
 */
final class ErrorClassifier {

	private static final List<String> TIMEOUTS = List.of("TimeoutError", "timed out", "not responded",
			"\"errorCode\":250", "\"errorCode\":427");

	private static final List<String> UNAVAILABLE = List.of("No server found", "ServerNotResponding",
			"ServiceUnavailable", "NoServerFound");

	private static final List<String> REJECTED = List.of("UnknownColumnError", "SQLParsingError",
			"QueryValidationError", "BadQueryRequestException", "Unsupported function", "QueryPlanningError",
			"TableDoesNotExist", "BrokerResourceMissingError");

	private ErrorClassifier() {
	}

	/** Classifies an exception Pinot put in its answer. */
	static Kind ofPinotMessage(String message) {
		if (containsAny(message, TIMEOUTS)) {
			return Kind.TIMEOUT;
		}
		if (containsAny(message, REJECTED)) {
			return Kind.REJECTED;
		}
		if (containsAny(message, UNAVAILABLE)) {
			return Kind.UNAVAILABLE;
		}
		return Kind.FAILED;
	}

	/** Classifies a client-side failure (transport, connection). */
	static Kind ofThrowable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || String.valueOf(cause.getMessage()).contains("timed out")) {
				return Kind.TIMEOUT;
			}
			if (cause instanceof ConnectException || cause instanceof ClosedChannelException) {
				return Kind.UNAVAILABLE;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return (ex instanceof java.io.IOException || ex.getCause() instanceof java.io.IOException) ? Kind.UNAVAILABLE
				: ofPinotMessage(String.valueOf(ex.getMessage()));
	}

	/** A short form of Pinot's message: its first line, without the stack trace. */
	static String firstLines(String message) {
		String[] lines = message.split("\\R");
		String first = lines[0].trim();
		if (lines.length > 1 && (first.endsWith(":") || first.length() < 30)) {
			first = first + " " + lines[1].trim();
		}
		return (first.length() > 500) ? first.substring(0, 500) + "..." : first;
	}

	private static boolean containsAny(String message, List<String> needles) {
		return needles.stream().anyMatch(message::contains);
	}

}
