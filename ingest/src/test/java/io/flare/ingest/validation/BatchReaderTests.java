package io.flare.ingest.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BatchReaderTests {

	private final BatchReader reader = new BatchReader(100, 65_536);

	@Test
	void shouldReadJsonArrayElements() {
		List<BatchItem> items = read("[{\"a\":1}, {\"b\":2}, 3]", BatchFormat.JSON_ARRAY);

		assertThat(items).hasSize(3);
		assertThat(items.get(2).node().isNumber()).isTrue();
	}

	@Test
	void shouldReadNdjsonLinesSkippingBlankOnes() {
		List<BatchItem> items = read("{\"a\":1}\r\n\n  \n{\"b\":2}", BatchFormat.NDJSON);

		assertThat(items).hasSize(2);
		assertThat(items.get(1).node().get("b").asInt()).isEqualTo(2);
	}

	@Test
	void shouldRejectOnlyTheMalformedNdjsonLine() {
		List<BatchItem> items = read("{\"a\":1}\n{\"b\":\n{\"c\":3} {\"d\":4}\n", BatchFormat.NDJSON);

		assertThat(items).hasSize(3);
		assertThat(items.get(0).error()).isNull();
		assertThat(items.get(1).error().code()).isEqualTo(RejectCode.MALFORMED_JSON);
		assertThat(items.get(1).error().reason()).startsWith("is not valid JSON: ");
		assertThat(items.get(2).error().code()).isEqualTo(RejectCode.MALFORMED_JSON);
	}

	@Test
	void shouldRejectInvalidUtf8LineInNdjson() {
		byte[] body = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n', '{', '}' };

		List<BatchItem> items = this.reader.read(body, BatchFormat.NDJSON);

		assertThat(items.get(0).error().code()).isEqualTo(RejectCode.MALFORMED_JSON);
		assertThat(items.get(1).error()).isNull();
	}

	@Test
	void shouldRejectMalformedArrayAsAWhole() {
		assertThatExceptionOfType(InvalidBatchException.class)
			.isThrownBy(() -> read("[{\"a\":1},", BatchFormat.JSON_ARRAY))
			.withMessageStartingWith("the body is not valid JSON: ");
	}

	@Test
	void shouldRejectArrayFollowedByMoreContent() {
		assertThatExceptionOfType(InvalidBatchException.class)
			.isThrownBy(() -> read("[{}] [{}]", BatchFormat.JSON_ARRAY))
			.withMessage("the body is not valid JSON: content follows the array");
	}

	@Test
	void shouldRejectJsonBodyThatIsNotAnArray() {
		assertThatExceptionOfType(InvalidBatchException.class)
			.isThrownBy(() -> read("{\"a\":1}", BatchFormat.JSON_ARRAY))
			.withMessage("an application/json body must be a JSON array of events but was a JSON start object");
	}

	@Test
	void shouldRejectEmptyBatches() {
		assertThatExceptionOfType(InvalidBatchException.class).isThrownBy(() -> read("[]", BatchFormat.JSON_ARRAY))
			.withMessage("the batch holds no events");
		assertThatExceptionOfType(InvalidBatchException.class).isThrownBy(() -> read(" \n \n", BatchFormat.NDJSON))
			.withMessage("the batch holds no events");
		assertThatExceptionOfType(InvalidBatchException.class).isThrownBy(() -> read("", BatchFormat.JSON_ARRAY))
			.withMessage("an application/json body must be a JSON array of events but was empty");
	}

	@Test
	void shouldRejectBatchWithTooManyEvents() {
		String body = "[" + "{},".repeat(100) + "{}]";

		assertThatExceptionOfType(BatchTooLargeException.class).isThrownBy(() -> read(body, BatchFormat.JSON_ARRAY))
			.withMessage("a batch may hold at most 100 events; split it into smaller batches");
		assertThatExceptionOfType(BatchTooLargeException.class)
			.isThrownBy(() -> read("{}\n".repeat(101), BatchFormat.NDJSON));
	}

	@Test
	void shouldRejectDeepNestingWithoutExhaustingTheStack() {
		String deep = "[".repeat(100_000) + "]".repeat(100_000);

		assertThatExceptionOfType(InvalidBatchException.class).isThrownBy(() -> read(deep, BatchFormat.JSON_ARRAY))
			.withMessageContaining("nesting depth");
		assertThat(read("{\"a\":" + "[".repeat(50_000) + "\n{}", BatchFormat.NDJSON).get(0).error().code())
			.isEqualTo(RejectCode.MALFORMED_JSON);
	}

	@Test
	void shouldRejectHugeNumbersAndStringsAtTheParser() {
		String hugeNumber = "[{\"value\":" + "9".repeat(10_000) + "}]";
		String hugeString = "[{\"source\":\"" + "s".repeat(100_000) + "\"}]";

		assertThatExceptionOfType(InvalidBatchException.class)
			.isThrownBy(() -> read(hugeNumber, BatchFormat.JSON_ARRAY))
			.withMessageContaining("Number value length");
		assertThatExceptionOfType(InvalidBatchException.class)
			.isThrownBy(() -> read(hugeString, BatchFormat.JSON_ARRAY))
			.withMessageContaining("String value length");
	}

	@Test
	void shouldRejectInvalidUtf8InArray() {
		byte[] body = { '[', '"', (byte) 0xFF, '"', ']' };

		assertThatExceptionOfType(InvalidBatchException.class)
			.isThrownBy(() -> this.reader.read(body, BatchFormat.JSON_ARRAY))
			.withMessageStartingWith("the body is not valid JSON: Invalid UTF-8");
	}

	@Test
	void shouldReadOneRecordValue() {
		assertThat(this.reader.readOne(" {\"a\":1} \n".getBytes(StandardCharsets.UTF_8)).node().get("a").asInt())
			.isEqualTo(1);
		assertThat(this.reader.readOne("{".getBytes(StandardCharsets.UTF_8)).error().code())
			.isEqualTo(RejectCode.MALFORMED_JSON);
	}

	private List<BatchItem> read(String body, BatchFormat format) {
		return this.reader.read(body.getBytes(StandardCharsets.UTF_8), format);
	}

}
