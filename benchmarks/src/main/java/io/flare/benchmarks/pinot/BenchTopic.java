package io.flare.benchmarks.pinot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;

/** Creates and deletes the run's own Kafka topic, so no run reads another's events. */
final class BenchTopic {

	private static final long TIMEOUT_SECONDS = 60;

	private final String bootstrap;

	private final String name;

	BenchTopic(String bootstrap, String name) {
		this.bootstrap = bootstrap;
		this.name = name;
	}

	String name() {
		return this.name;
	}

	void create(int partitions) {
		try (Admin admin = admin()) {
			await(admin.createTopics(List.of(new NewTopic(this.name, partitions, (short) 1))).all(), "create");
		}
	}

	void delete() {
		try (Admin admin = admin()) {
			await(admin.deleteTopics(List.of(this.name)).all(), "delete");
		}
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
	}

	private void await(KafkaFuture<Void> future, String action) {
		try {
			future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new BenchmarkException(
					"Cannot " + action + " Kafka topic " + this.name + " at " + this.bootstrap + ": " + cause, cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

}
