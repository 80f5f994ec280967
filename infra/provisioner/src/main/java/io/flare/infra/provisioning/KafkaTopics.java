package io.flare.infra.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates missing topics; never deletes a topic or changes its partitions.
 */
final class KafkaTopics {

	private final Admin admin;

	private final String bootstrap;

	private final Duration timeout;

	KafkaTopics(Admin admin, String bootstrap, Duration timeout) {
		this.admin = admin;
		this.bootstrap = bootstrap;
		this.timeout = timeout;
	}

	List<Outcome> ensure(List<TopicSpec> specs) {
		Set<String> names = specs.stream().map(TopicSpec::name).collect(Collectors.toSet());
		Map<String, TopicDescription> existing = describeExisting(names);
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		List<NewTopic> missing = new ArrayList<>();
		for (TopicSpec spec : specs) {
			TopicDescription description = existing.get(spec.name());
			if (description == null) {
				missing.add(new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()));
				outcomes.put(spec.name(), null);
			}
			else {
				outcomes.put(spec.name(), compare(spec, description.partitions().size()));
			}
		}
		if (!missing.isEmpty()) {
			Map<String, KafkaFuture<Void>> created = this.admin.createTopics(missing).values();
			for (NewTopic topic : missing) {
				outcomes.put(topic.name(), awaitCreation(topic, created.get(topic.name())));
			}
		}
		return List.copyOf(outcomes.values());
	}

	private static Outcome compare(TopicSpec spec, int partitions) {
		if (partitions < spec.partitions()) {
			return new Outcome(Outcome.TOPIC, spec.name(), Outcome.Action.WARNING,
					"has " + partitions + " partitions, fewer than the " + spec.partitions()
							+ " wanted; the provisioner never changes partitions (adding some re-maps keys)");
		}
		return new Outcome(Outcome.TOPIC, spec.name(), Outcome.Action.UNCHANGED, partitions + " partitions");
	}

	private Map<String, TopicDescription> describeExisting(Set<String> names) {
		Set<String> present = await(this.admin.listTopics().names(), "list topics");
		List<String> wanted = names.stream().filter(present::contains).sorted().toList();
		if (wanted.isEmpty()) {
			return Map.of();
		}
		return await(this.admin.describeTopics(wanted).allTopicNames(), "describe topics " + wanted);
	}

	private Outcome awaitCreation(NewTopic topic, KafkaFuture<Void> future) {
		try {
			await(future, "create topic " + topic.name());
		}
		catch (KafkaProvisioningException ex) {
			if (ex.getCause() instanceof TopicExistsException) {
				return new Outcome(Outcome.TOPIC, topic.name(), Outcome.Action.UNCHANGED,
						"created concurrently by someone else");
			}
			throw ex;
		}
		return new Outcome(Outcome.TOPIC, topic.name(), Outcome.Action.CREATED,
				topic.numPartitions() + " partitions, replication " + topic.replicationFactor());
	}

	private <T> T await(KafkaFuture<T> future, String what) {
		try {
			return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new KafkaProvisioningException(
					"Kafka at " + this.bootstrap + " did not answer within " + this.timeout + " (" + what + ")", true,
					ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new KafkaProvisioningException(
					"Kafka at " + this.bootstrap + " failed to " + what + ": " + cause.getMessage(),
					cause instanceof RetriableException, cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaProvisioningException("Interrupted while waiting for Kafka to " + what, true, ex);
		}
	}

}
