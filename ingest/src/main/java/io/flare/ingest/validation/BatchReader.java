package io.flare.ingest.validation;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Splits a batch body into its elements, parsing each into a tree. Parsing is bounded
 * (nesting depth, string and number lengths, the number of events) so hostile bodies fail
 * fast with a clear message instead of exhausting the stack or the heap.
 */
public final class BatchReader {

	private static final int MAX_NESTING = 16;

	private static final int MAX_MESSAGE = 200;

	private final JsonMapper mapper;

	private final ObjectReader elementReader;

	private final int maxEvents;

	/**
	 * @param maxEvents the most events one batch may hold
	 * @param maxStringLength the longest JSON string token accepted by the parser
	 */
	public BatchReader(int maxEvents, int maxStringLength) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(MAX_NESTING)
			.maxStringLength(maxStringLength)
			.maxNameLength(maxStringLength)
			.maxNumberLength(64)
			.build();
		this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
		// an array element is followed by more of the array, not by the end of input
		this.elementReader = this.mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.maxEvents = maxEvents;
	}

	/**
	 * Reads a whole body.
	 * @throws InvalidBatchException when the body cannot be read as a batch or holds no
	 * events
	 * @throws BatchTooLargeException when it holds more than the allowed events
	 */
	public List<BatchItem> read(byte[] body, BatchFormat format) {
		List<BatchItem> items = (format == BatchFormat.NDJSON) ? readLines(body) : readArray(body);
		if (items.isEmpty()) {
			throw new InvalidBatchException("the batch holds no events");
		}
		return items;
	}

	/** Reads one event from a whole buffer (a Kafka record); never throws. */
	public BatchItem readOne(byte[] value) {
		int to = trimEnd(value, 0, value.length);
		return line(value, trimStart(value, 0, to), to - trimStart(value, 0, to));
	}

	private List<BatchItem> readArray(byte[] body) {
		List<BatchItem> items = new ArrayList<>();
		try (JsonParser parser = this.mapper.createParser(body)) {
			JsonToken first = parser.nextToken();
			if (first != JsonToken.START_ARRAY) {
				throw new InvalidBatchException("an application/json body must be a JSON array of events but was "
						+ ((first == null) ? "empty" : "a JSON " + first.name().toLowerCase().replace('_', ' ')));
			}
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				if (parser.currentToken() == null) {
					throw new InvalidBatchException("the body is not valid JSON: the array is not closed");
				}
				add(items, new BatchItem(tree(parser), null));
			}
			if (parser.nextToken() != null) {
				throw new InvalidBatchException("the body is not valid JSON: content follows the array");
			}
		}
		catch (JacksonException ex) {
			throw new InvalidBatchException("the body is not valid JSON: " + message(ex));
		}
		return items;
	}

	private JsonNode tree(JsonParser parser) {
		JsonNode node = this.elementReader.readTree(parser);
		return (node != null) ? node : NullNode.getInstance();
	}

	private List<BatchItem> readLines(byte[] body) {
		List<BatchItem> items = new ArrayList<>();
		int start = 0;
		while (start < body.length) {
			int end = indexOf(body, (byte) '\n', start);
			int to = trimEnd(body, start, end);
			int from = trimStart(body, start, to);
			if (from < to) {
				add(items, line(body, from, to - from));
			}
			start = end + 1;
		}
		return items;
	}

	private BatchItem line(byte[] body, int offset, int length) {
		try {
			return new BatchItem(this.mapper.readTree(body, offset, length), null);
		}
		catch (JacksonException ex) {
			return new BatchItem(null, new FieldError(FieldError.WHOLE_EVENT, RejectCode.MALFORMED_JSON,
					"is not valid JSON: " + message(ex)));
		}
	}

	private void add(List<BatchItem> items, BatchItem item) {
		if (items.size() >= this.maxEvents) {
			throw new BatchTooLargeException(this.maxEvents);
		}
		items.add(item);
	}

	private static String message(JacksonException ex) {
		String message = ex.getOriginalMessage();
		if (message == null) {
			message = ex.getClass().getSimpleName();
		}
		message = message.replaceAll("\\s+", " ");
		return (message.length() <= MAX_MESSAGE) ? message : message.substring(0, MAX_MESSAGE) + "...";
	}

	private static int indexOf(byte[] body, byte target, int from) {
		for (int i = from; i < body.length; i++) {
			if (body[i] == target) {
				return i;
			}
		}
		return body.length;
	}

	private static int trimEnd(byte[] body, int from, int to) {
		int end = to;
		while (end > from && isSpace(body[end - 1])) {
			end--;
		}
		return end;
	}

	private static int trimStart(byte[] body, int from, int to) {
		int start = from;
		while (start < to && isSpace(body[start])) {
			start++;
		}
		return start;
	}

	private static boolean isSpace(byte b) {
		return b == ' ' || b == '\t' || b == '\r' || b == '\n';
	}

}
