package io.flare.query.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads end offsets with Kafka's admin client (created on first use).
 */
final class KafkaTopicOffsets implements TopicOffsets, AutoCloseable {

	private final KafkaProperties properties;

	private volatile Admin admin;

	KafkaTopicOffsets(KafkaProperties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<Map<Integer, Long>> endOffsets(String topic) {
		if (this.properties.bootstrapServers().isEmpty()) {
			return Mono.empty();
		}
		return Mono.fromCallable(() -> read(topic)).subscribeOn(Schedulers.boundedElastic());
	}

	private Map<Integer, Long> read(String topic) throws Exception {
		long timeout = this.properties.adminTimeout().toMillis();
		Admin client = admin();
		TopicDescription description = client.describeTopics(List.of(topic))
			.allTopicNames()
			.get(timeout, TimeUnit.MILLISECONDS)
			.get(topic);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		description.partitions()
			.forEach((p) -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
		Map<TopicPartition, ListOffsetsResultInfo> offsets = client.listOffsets(latest)
			.all()
			.get(timeout, TimeUnit.MILLISECONDS);
		Map<Integer, Long> result = new HashMap<>();
		offsets.forEach((partition, info) -> result.put(partition.partition(), info.offset()));
		return result;
	}

	private Admin admin() {
		Admin current = this.admin;
		if (current == null) {
			synchronized (this) {
				if (this.admin == null) {
					Properties config = new Properties();
					config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
							String.join(",", this.properties.bootstrapServers()));
					config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
							(int) this.properties.adminTimeout().toMillis());
					config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
							(int) this.properties.adminTimeout().toMillis());
					this.admin = Admin.create(config);
				}
				current = this.admin;
			}
		}
		return current;
	}

	@Override
	public synchronized void close() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
		}
	}

}
