package io.flare.infra.provisioning;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Where the provisioner applies the repository's files, and how.
 *
 * @param controller base URL of the Pinot controller, e.g. {@code http://127.0.0.1:9000}
 * @param bootstrap Kafka bootstrap servers; also written into every table's stream config
 * @param root the repository directory that holds {@code schemas/} and
 * {@code table-configs/}
 * @param partitions partitions of the {@code events} and {@code events-raw} topics when
 * created
 * @param replication replication factor of created topics
 * @param timeout bound on every single call to Kafka or to the controller
 * @param consumerFactoryClass when set, replaces
 * {@code stream.kafka.consumer.factory.class.name} in every table's stream config (newer
 * Pinot releases ship other Kafka plugins than 0.11's {@code kafka20})
 */
public record ProvisionerProperties(URI controller, String bootstrap, Path root, int partitions, short replication,
		Duration timeout, @Nullable String consumerFactoryClass) {

	/** Local controller. */
	public static final URI LOCAL_CONTROLLER = URI.create("http://127.0.0.1:9000");

	/** Local Kafka broker. */
	public static final String LOCAL_BOOTSTRAP = "127.0.0.1:9092";

	/** Partitions of the events topics when none are given. */
	public static final int DEFAULT_PARTITIONS = 8;

	/** Per-call timeout when none is given. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	public ProvisionerProperties {
		String scheme = controller.getScheme();
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			throw new IllegalArgumentException("controller must be an http(s) URL, got '" + controller + "'");
		}
		if (bootstrap.isBlank()) {
			throw new IllegalArgumentException("bootstrap must name at least one Kafka broker");
		}
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
		}
		if (replication < 1) {
			throw new IllegalArgumentException("replication must be at least 1, got " + replication);
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive, got " + timeout);
		}
		if (consumerFactoryClass != null && consumerFactoryClass.isBlank()) {
			consumerFactoryClass = null;
		}
		String path = controller.toString();
		if (path.endsWith("/")) {
			controller = URI.create(path.substring(0, path.length() - 1));
		}
	}

	/**
	 * The local stack's addresses and defaults.
	 * @param root the repository directory
	 * @return properties for the local stack
	 */
	public static ProvisionerProperties local(Path root) {
		return new ProvisionerProperties(LOCAL_CONTROLLER, LOCAL_BOOTSTRAP, root, DEFAULT_PARTITIONS, (short) 1,
				DEFAULT_TIMEOUT, null);
	}

	/**
	 * The same properties with another repository root.
	 * @param otherRoot the directory that holds {@code schemas/} and
	 * {@code table-configs/}
	 * @return a copy
	 */
	public ProvisionerProperties withRoot(Path otherRoot) {
		return new ProvisionerProperties(this.controller, this.bootstrap, otherRoot, this.partitions, this.replication,
				this.timeout, this.consumerFactoryClass);
	}

}
