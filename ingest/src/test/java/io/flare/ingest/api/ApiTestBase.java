package io.flare.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.flare.ingest.auth.ApiKeyStore;
import io.flare.ingest.auth.ApiKeys;
import io.flare.ingest.support.EmbeddedDatabase;
import io.flare.ingest.support.RecordingPublisher;

/**
 * One application context for the HTTP tests: the real application, a real PostgreSQL for
 * keys (embedded), small limits, and an in-memory publisher in place of Kafka (the Kafka
 * path is covered by the integration tests).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "flare.ingest.raw.enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:1",
				"flare.ingest.http.max-body-size=4MB", "flare.ingest.http.max-batch-events=10000",
				"flare.ingest.backpressure.max-in-flight-events=12000",
				"flare.ingest.backpressure.source-rates.throttled=5", "flare.ingest.backpressure.burst=5",
				"flare.ingest.auth.admin-token=test-admin-token" })
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(ApiTestBase.InMemoryPublishing.class)
abstract class ApiTestBase {

	static final String KEY = "flr_api_tests_" + System.nanoTime();

	static final String OTHER_KEY = "flr_other_" + System.nanoTime();

	@Autowired
	WebTestClient client;

	@Autowired
	RecordingPublisher publisher;

	@Autowired
	ApiKeyStore store;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		EmbeddedDatabase.register(registry);
	}

	@BeforeEach
	void keys() {
		if (this.store.findByHash(ApiKeys.hash(KEY)).isEmpty()) {
			this.store.create("tests", Set.of("scoreline", "throttled"), ApiKeys.hash(KEY));
			this.store.create("other", Set.of("pressline"), ApiKeys.hash(OTHER_KEY));
		}
	}

	@AfterEach
	void resetPublisher() {
		this.publisher.reset();
	}

	WebTestClient.ResponseSpec post(MediaType type, String body) {
		return post(type, body.getBytes(StandardCharsets.UTF_8));
	}

	WebTestClient.ResponseSpec post(MediaType type, byte[] body) {
		return this.client.post()
			.uri("/v1/events")
			.header("Authorization", "Bearer " + KEY)
			.contentType(type)
			.bodyValue(body)
			.exchange();
	}

	static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class InMemoryPublishing {

		@Bean
		@Primary
		RecordingPublisher recordingPublisher() {
			return new RecordingPublisher();
		}

	}

}
