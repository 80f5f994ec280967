package io.flare.ingest.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Utils;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.FlareStackExtension;
import io.flare.infra.testing.PinotBroker;

/** Shared helpers of the integration tests on the real stack. */
final class StackSupport {

	private StackSupport() {
	}

	/** Points the application at the real stack, as the platform launcher does. */
	static StackProperties register(DynamicPropertyRegistry registry) {
		StackProperties stack = FlareStackExtension.ensureStarted();
		registry.add("spring.kafka.bootstrap-servers", stack::kafkaBootstrap);
		registry.add("spring.datasource.url", stack::jdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		return stack;
	}

	static String uniqueSource(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static int partitions(StackProperties stack, String topic) throws Exception {
		try (Admin admin = admin(stack)) {
			return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
		}
	}

	static void createTopics(StackProperties stack, Collection<String> names) throws Exception {
		try (Admin admin = admin(stack)) {
			admin.createTopics(names.stream().map((name) -> new NewTopic(name, 2, (short) 1)).toList()).all().get();
		}
	}

	static void deleteTopics(StackProperties stack, Collection<String> names) throws Exception {
		try (Admin admin = admin(stack)) {
			admin.deleteTopics(names).all().get();
		}
	}

	/**
	 * Event ids, one landing on each partition of the events topic under Kafka's default
	 * partitioner, so a fence seen by Pinot on every partition proves everything sent
	 * before it was consumed.
	 */
	static List<String> fenceIds(String prefix, int partitions) {
		List<String> ids = new ArrayList<>();
		Set<Integer> covered = new HashSet<>();
		for (int i = 0; covered.size() < partitions; i++) {
			String id = prefix + "-fence-" + i;
			int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
			if (covered.add(partition)) {
				ids.add(id);
			}
		}
		return ids;
	}

	static long count(PinotBroker pinot, String source) {
		return pinot.queryLong("SELECT COUNT(*) FROM events WHERE source = '" + source + "'");
	}

	private static Admin admin(StackProperties stack) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
	}

}
