package io.flare.query.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.flare.query.QueryServiceApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A metric changed on one instance answers in its new version on another running instance
 * within 5 seconds, with no restart, and no query fails meanwhile.
 */
class MetricChangeIT extends StackTestSupport {

	@Test
	void shouldServeTheNewVersionOnAnotherInstanceWithin5SecondsWithoutFailedQueries() throws Exception {
		String metric = unique("it-change");
		String source = unique("change");
		put(metric, definition(source, "{\"type\":\"count\"}"));
		try (ConfigurableApplicationContext second = startSecondInstance()) {
			int port = ((WebServerApplicationContext) second).getWebServer().getPort();
			WebTestClient other = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
			await("the second instance serves version 1").atMost(seconds(10)).until(() -> version(other, metric) == 1);

			List<String> failures = new CopyOnWriteArrayList<>();
			AtomicLong firstV2 = new AtomicLong();
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicInteger answered = new AtomicInteger();
			ExecutorService loop = Executors.newSingleThreadExecutor();
			Future<Integer> queries = loop.submit(() -> query(other, metric, running, failures, firstV2, answered));
			await("queries run before the change").atMost(seconds(10)).until(() -> answered.get() >= 5);
			put(metric, definition(source, "{\"type\":\"sum\",\"column\":\"value\"}"));
			long changed = System.currentTimeMillis();
			await("the second instance serves version 2").atMost(seconds(10)).until(() -> firstV2.get() != 0);
			int atChange = answered.get();
			await("queries go on after the change").atMost(seconds(10)).until(() -> answered.get() >= atChange + 5);
			running.set(false);
			int count = queries.get(30, TimeUnit.SECONDS);
			loop.shutdown();

			long propagation = firstV2.get() - changed;
			System.out.printf("version 2 served by the other instance %d ms after the PUT returned (%d queries)%n",
					propagation, count);
			assertThat(failures).as("failed queries").isEmpty();
			assertThat(propagation).isLessThanOrEqualTo(5_000);
		}
		finally {
			this.client.delete().uri("/v1/metrics/{name}", metric).exchange().expectBody(Void.class);
		}
	}

	private static int query(WebTestClient client, String metric, AtomicBoolean running, List<String> failures,
			AtomicLong firstV2, AtomicInteger answered) {
		int count = 0;
		while (running.get()) {
			var response = client.get().uri("/v1/metrics/{name}/result", metric).exchange().returnResult(String.class);
			String body = String.join("", response.getResponseBody().collectList().block());
			count++;
			answered.incrementAndGet();
			if (!response.getStatus().is2xxSuccessful()) {
				failures.add(response.getStatus() + " " + body);
			}
			else if (firstV2.get() == 0 && JSON.readTree(body).path("version").asInt() == 2) {
				firstV2.set(System.currentTimeMillis());
			}
		}
		return count;
	}

	private static int version(WebTestClient client, String metric) {
		var response = client.get().uri("/v1/metrics/{name}", metric).exchange().returnResult(String.class);
		// always read the body: an unread one keeps its pooled connection, and enough of
		// them leave the next request waiting for a connection
		String body = String.join("", response.getResponseBody().collectList().block());
		if (!response.getStatus().is2xxSuccessful()) {
			return 0;
		}
		return JSON.readTree(body).path("version").asInt();
	}

	private static ConfigurableApplicationContext startSecondInstance() {
		Map<String, Object> properties = new HashMap<>(properties());
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("flare.registry.load-files", "false");
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		return new SpringApplicationBuilder(QueryServiceApplication.class).run(args.toArray(String[]::new));
	}

	private static String definition(String source, String measure) {
		return """
				{"table":"events","measure":%s,
				 "filters":[{"column":"source","op":"eq","value":"%s"}],
				 "window":{"size":"5m","bucket":"10s","kind":"sliding"}}""".formatted(measure, source);
	}

}
