package io.flare.query.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flare.infra.stack.StackProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A late event — one whose bucket was already final and cached — still counts: the
 * watermark scan sees it in Pinot, the cached bucket is dropped and the next answer is
 * corrected.
 */
class LateDataIT extends StackTestSupport {

	@Test
	void shouldCorrectACachedFinalBucketWhenALateEventArrives(StackProperties stack) throws Exception {
		String source = unique("late");
		String metric = unique("it-late");
		long now = System.currentTimeMillis();
		long bucket = (now - 10 * 60_000) / 60_000 * 60_000;
		try (TestEvents events = new TestEvents(stack)) {
			List<Map<String, Object>> batch = new ArrayList<>();
			batch.add(TestEvents.event(source + "-head", source, "news", "story", now, "FR", 1));
			for (int i = 0; i < 20; i++) {
				batch.add(TestEvents.event(source + "-" + i, source, "news", "story", bucket + 1_000 * i, "FR", 1));
			}
			events.send(batch);
			events.awaitConsumed();
			put(metric, """
					{"table":"events","measure":{"type":"count"},
					 "filters":[{"column":"source","op":"eq","value":"%s"}],
					 "window":{"size":"1h","bucket":"1m","kind":"tumbling"}}""".formatted(source));
			await("the watermark reached the source's head event").atMost(seconds(10))
				.until(() -> isFinal(result(metric, ""), bucket));

			JsonNode first = result(metric, "");
			assertThat(valueAt(first, bucket)).isEqualTo(20);
			JsonNode cached = result(metric, "");
			assertThat(valueAt(cached, bucket)).isEqualTo(20);
			assertThat(bucketInfo(cached, bucket).path("fromCache").asBoolean()).as("served from the cache").isTrue();

			events.send(List.of(TestEvents.event(source + "-late", source, "news", "story", bucket + 59_000, "FR", 1)));
			events.awaitConsumed();
			long visible = System.currentTimeMillis();
			await("the corrected count").atMost(seconds(10))
				.pollInterval(java.time.Duration.ofMillis(200))
				.until(() -> valueAt(result(metric, ""), bucket) == 21);
			JsonNode corrected = result(metric, "");
			assertThat(bucketInfo(corrected, bucket).path("final").asBoolean()).isTrue();
			System.out.printf("late event corrected %d ms after Pinot had it%n", System.currentTimeMillis() - visible);
		}
		finally {
			this.client.delete().uri("/v1/metrics/{name}", metric).exchange().expectBody(Void.class);
		}
	}

	private static boolean isFinal(JsonNode result, long bucket) {
		return bucketInfo(result, bucket).path("final").asBoolean();
	}

	private static JsonNode bucketInfo(JsonNode result, long bucket) {
		for (JsonNode info : result.path("buckets")) {
			if (info.path("start").asLong() == bucket) {
				return info;
			}
		}
		throw new AssertionError("bucket " + bucket + " not in the window");
	}

	private static long valueAt(JsonNode result, long bucket) {
		for (JsonNode value : result.path("values")) {
			if (value.path("bucket").asLong() == bucket) {
				return (long) value.path("value").asDouble();
			}
		}
		return 0;
	}

}
