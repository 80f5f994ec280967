package io.flare.ingest.publish;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code kafka} health component: whether the brokers answer a cluster description
 * within a short timeout. An unreachable Kafka reports {@link #DEGRADED}, not DOWN: the
 * service is alive and answers 503 with {@code Retry-After} to every batch until Kafka is
 * back, which is what clients should see, rather than a load balancer taking every
 * instance out of rotation. It is therefore not part of the liveness or readiness groups;
 * the root {@code /actuator/health} shows it (HTTP 200, status DEGRADED).
 */
final class KafkaHealthIndicator implements HealthIndicator {

	/** Alive and serving, but a dependency is unreachable. */
	static final Status DEGRADED = new Status("DEGRADED", "Kafka is unreachable: batches are answered with 503");

	private final Admin admin;

	private final Duration timeout;

	KafkaHealthIndicator(Admin admin, Duration timeout) {
		this.admin = admin;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		long millis = this.timeout.toMillis();
		try {
			Collection<Node> nodes = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) millis))
				.nodes()
				.get(millis + 500, TimeUnit.MILLISECONDS);
			return Health.up().withDetail("brokers", nodes.size()).build();
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			return Health.status(DEGRADED).withDetail("error", cause.getClass().getSimpleName()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.status(DEGRADED).withDetail("error", "interrupted").build();
		}
	}

}
