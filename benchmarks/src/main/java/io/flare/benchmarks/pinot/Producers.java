package io.flare.benchmarks.pinot;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The benchmark's Kafka producers: one tuned for throughput, one for latency. */
public final class Producers {

	private Producers() {
	}

	/**
	 * Throughput settings, as a production event producer would use: all replicas
	 * acknowledge, idempotent, lz4, 10 ms linger, 256 KB batches.
	 */
	public static KafkaProducer<String, byte[]> bulk(String bootstrap) {
		return create(bootstrap, 10, 256 * 1024);
	}

	/** The same guarantees without lingering, so a single probe event leaves at once. */
	static KafkaProducer<String, byte[]> probe(String bootstrap) {
		return create(bootstrap, 0, 16 * 1024);
	}

	private static KafkaProducer<String, byte[]> create(String bootstrap, int lingerMs, int batchBytes) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.LINGER_MS_CONFIG, lingerMs,
				ProducerConfig.BATCH_SIZE_CONFIG, batchBytes, ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

}
