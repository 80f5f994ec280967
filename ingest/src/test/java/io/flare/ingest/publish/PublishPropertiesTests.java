package io.flare.ingest.publish;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PublishPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);

	@Test
	void shouldBindDefaults() {
		this.runner.run((context) -> {
			PublishProperties properties = context.getBean(PublishProperties.class);
			assertThat(properties.topic()).isEqualTo("events");
			assertThat(properties.batchSize()).isEqualTo(DataSize.ofKilobytes(256));
			assertThat(properties.batchTimeout()).isEqualTo(Duration.ofSeconds(36));
		});
	}

	@Test
	void shouldFailStartUpWhenDeliveryTimeoutIsShorterThanARequest() {
		this.runner.withPropertyValues("flare.ingest.kafka.delivery-timeout=5s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("flare.ingest.kafka.delivery-timeout (PT5S) must be at least request-timeout + linger "
						+ "(PT10.005S)"));
	}

	@Test
	void shouldConfigureAnIdempotentAcksAllProducer() {
		Map<String, Object> config = PublishConfiguration.producerConfig("127.0.0.1:9092",
				KafkaEventPublisherTests.properties());

		assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
			.containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
			.containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
			.containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024)
			.containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000L)
			.containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000);
	}

	@Test
	void shouldRejectInconsistentTimeoutsWhenBuiltDirectly() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PublishProperties("events", Duration.ofMillis(5),
				DataSize.ofKilobytes(256), "lz4", Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(1),
				DataSize.ofMegabytes(1), Duration.ofSeconds(1)));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PublishProperties.class)
	static class Binding {

	}

}
