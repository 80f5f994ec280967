package io.flare.benchmarks.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline: Kafka's own producer, configured as ingest's (acks=all, idempotent, lz4,
 * linger 5 ms, 256 KB batches), sending the same event JSON as fast as it can from one
 * thread.
 */
final class ProducerCeiling {

	private ProducerCeiling() {
	}

	/** Sends for the duration and waits for every acknowledgement. */
	static Result run(String bootstrap, String topic, List<byte[][]> keyedEvents, Duration duration) {
		AtomicLong acked = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long bytes = 0;
		long start;
		long elapsed;
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config(bootstrap), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			start = System.nanoTime();
			long end = start + duration.toNanos();
			int next = 0;
			while (System.nanoTime() < end) {
				byte[][] event = keyedEvents.get(next++ % keyedEvents.size());
				bytes += event[1].length;
				producer.send(new ProducerRecord<>(topic, event[0], event[1]), (metadata, ex) -> {
					if (ex == null) {
						acked.incrementAndGet();
					}
					else {
						failed.incrementAndGet();
					}
				});
			}
			producer.flush();
			elapsed = System.nanoTime() - start;
		}
		double seconds = elapsed / 1e9;
		return new Result(acked.get(), failed.get(), seconds, Math.round(acked.get() / seconds),
				Math.round(bytes / seconds / 1e6 * 10) / 10.0);
	}

	private static Map<String, Object> config(String bootstrap) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
				ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
	}

	/**
	 * @param acked events acknowledged
	 * @param failed events not acknowledged
	 * @param seconds sending time including the final flush
	 * @param eventsPerSecond acknowledged events per second
	 * @param megabytesPerSecond uncompressed value bytes per second
	 */
	record Result(long acked, long failed, double seconds, long eventsPerSecond, double megabytesPerSecond) {

	}

}
