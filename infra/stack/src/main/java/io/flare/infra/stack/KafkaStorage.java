package io.flare.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes the single-node KRaft broker's configuration and formats its storage on first
 * start.
 */
final class KafkaStorage {

	private KafkaStorage() {
	}

	static Path configure(StackProperties props) {
		Path dir = props.data().resolve("kafka");
		Path config = dir.resolve("server.properties");
		String host = props.host();
		String text = String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@" + host + ":" + props.kafkaControllerPort(),
				"listeners=PLAINTEXT://" + host + ":" + props.kafkaPort() + ",CONTROLLER://" + host + ":"
						+ props.kafkaControllerPort(),
				"advertised.listeners=PLAINTEXT://" + host + ":" + props.kafkaPort(),
				"controller.listener.names=CONTROLLER",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"inter.broker.listener.name=PLAINTEXT", "log.dirs=" + dir.resolve("logs"), "num.partitions=8",
				"offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
				"auto.create.topics.enable=false", "log.retention.hours=168", "message.max.bytes=8388608", "");
		try {
			Files.createDirectories(dir);
			Files.writeString(config, text);
		}
		catch (IOException ex) {
			throw new StackException("Cannot write " + config + ": " + ex.getMessage(), ex);
		}
		if (!Files.exists(dir.resolve("logs/meta.properties"))) {
			format(props, config);
		}
		return config;
	}

	private static void format(StackProperties props, Path config) {
		byte[] id = new byte[16];
		new SecureRandom().nextBytes(id);
		String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
		List<String> command = List.of(Classpaths.java(), "-Dlog4j2.configurationFile=" + log4jConfig(props), "-cp",
				Classpaths.of(props.root(), "infra/kafka-runner"), "kafka.tools.StorageTool", "format",
				// "=" form: a generated id may start with "-", which would read as an
				// option
				"--cluster-id=" + clusterId, "--config=" + config);
		Path log = props.logs().resolve("kafka-format.log");
		try {
			Files.createDirectories(props.logs());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new StackException(
						"Formatting Kafka storage failed. Last lines of " + log + ":\n" + LogFiles.tail(log, 30));
			}
		}
		catch (IOException ex) {
			throw new StackException("Cannot format Kafka storage: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while formatting Kafka storage", ex);
		}
	}

	static Path log4jConfig(StackProperties props) {
		return props.root().resolve("infra/kafka-runner/log4j2.xml");
	}

}
