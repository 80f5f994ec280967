package io.flare.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.flare.ingest.IngestMetrics;
import io.flare.ingest.validation.BatchReader;
import io.flare.ingest.validation.EventValidator;

/** Wires the Kafka producer, the publisher and the raw-topic relay. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PublishProperties.class, RawRelayProperties.class })
class PublishConfiguration {

	private final String bootstrapServers;

	PublishConfiguration(@Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	@Bean(destroyMethod = "close")
	Producer<byte[], byte[]> eventsProducer(PublishProperties properties) {
		return new KafkaProducer<>(producerConfig(this.bootstrapServers, properties), new ByteArraySerializer(),
				new ByteArraySerializer());
	}

	static Map<String, Object> producerConfig(String bootstrapServers, PublishProperties properties) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "flare-ingest");
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, properties.compression());
		config.put(ProducerConfig.LINGER_MS_CONFIG, (int) properties.linger().toMillis());
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) properties.batchSize().toBytes());
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) properties.requestTimeout().toMillis());
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.deliveryTimeout().toMillis());
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.maxBlock().toMillis());
		config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, properties.bufferMemory().toBytes());
		return config;
	}

	@Bean(destroyMethod = "close")
	Admin kafkaHealthAdmin() {
		// while Kafka is down the health check retries gently, not every 50 ms to 1 s
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				AdminClientConfig.CLIENT_ID_CONFIG, "flare-ingest-health",
				AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 1000, AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
				10_000));
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin) {
		return new KafkaHealthIndicator(kafkaHealthAdmin, Duration.ofSeconds(2));
	}

	@Bean(destroyMethod = "dispose")
	Scheduler kafkaSendScheduler() {
		// sends block only while metadata or buffer space is missing (bounded by
		// max.block.ms)
		return Schedulers.newBoundedElastic(4, 10_000, "kafka-send", 60, true);
	}

	@Bean
	EventPublisher eventPublisher(Producer<byte[], byte[]> eventsProducer, PublishProperties properties,
			Scheduler kafkaSendScheduler, MeterRegistry meters) {
		return new KafkaEventPublisher(eventsProducer, properties, kafkaSendScheduler, meters);
	}

	@Bean
	@ConditionalOnProperty(name = "flare.ingest.raw.enabled", havingValue = "true", matchIfMissing = true)
	RawTopicRelay rawTopicRelay(Producer<byte[], byte[]> eventsProducer, PublishProperties publish,
			RawRelayProperties raw, BatchReader reader, EventValidator validator, IngestMetrics metrics) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, raw.groupId());
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "flare-ingest-raw");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, raw.maxPollRecords());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
		RawRecordRouter router = new RawRecordRouter(reader, validator, publish.topic(), raw.deadLetterTopic(),
				Clock.systemUTC(), metrics);
		return new RawTopicRelay(consumer, eventsProducer, router, raw, publish.batchTimeout());
	}

}
