package io.flare.infra.provisioning;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import io.flare.infra.stack.LocalStack;
import io.flare.infra.stack.StackProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the provisioner against the real local stack, started here when it is not up (this
 * module builds before the shared test support, which needs the provisioner). Leaves the
 * cluster as the repository's files define it.
 */
class ProvisionerIT {

	private static final String TABLE_FILE = "table-configs/events.table.json";

	private static ProvisionerProperties properties;

	@BeforeAll
	static void useStack() {
		StackProperties stack = StackProperties.fromEnvironment(StackProperties.locateRoot());
		new LocalStack(stack, System.out).ensureInfraUp();
		properties = new ProvisionerProperties(URI.create(stack.pinotControllerUrl()), stack.kafkaBootstrap(),
				stack.root(), 8, (short) 1, Duration.ofSeconds(30), null);
	}

	@AfterAll
	static void restoreRepositoryDefinition() {
		if (properties != null) {
			provision(properties);
		}
	}

	@Test
	void shouldChangeNothingWhenRunTwice() throws Exception {
		provision(properties);
		ProvisioningReport second = provision(properties);
		assertThat(second.isUnchanged()).as(second.toString()).isTrue();
		assertThat(second.find("schema", "events")).isPresent();
		assertThat(second.find("table", "events_REALTIME")).isPresent();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrap()))) {
			Map<String, TopicDescription> topics = admin
				.describeTopics(List.of(TopicSpec.EVENTS, TopicSpec.EVENTS_RAW, TopicSpec.EVENTS_DLQ))
				.allTopicNames()
				.get();
			assertThat(topics.get(TopicSpec.EVENTS_DLQ).partitions()).hasSize(1);
			assertThat(topics.get(TopicSpec.EVENTS).partitions()).hasSizeGreaterThanOrEqualTo(1);
		}
	}

	@Test
	void shouldUpdateTheTableWhenAnIndexIsAddedAndStoreTheNewConfig(@TempDir Path copy) throws IOException {
		provision(properties);
		copyConfigs(properties.root(), copy);
		Path table = copy.resolve(TABLE_FILE);
		ObjectNode json = RepositoryConfigs.parse(TABLE_FILE, Files.readString(table));
		json.withObjectProperty("tableIndexConfig").withArray("invertedIndexColumns").add("region");
		Files.writeString(table, json.toPrettyString());

		ProvisioningReport changed = provision(properties.withRoot(copy));
		assertThat(changed.find("table", "events_REALTIME")).hasValueSatisfying((o) -> {
			assertThat(o.action()).isEqualTo(Outcome.Action.UPDATED);
			assertThat(o.detail()).contains("tableIndexConfig.invertedIndexColumns", "segments reloaded");
		});
		assertThat(changed.warnings()).isEmpty();
		JsonNode stored = new HttpPinotController(properties.controller(), properties.timeout())
			.table("events", "REALTIME")
			.orElseThrow();
		assertThat(Json.texts(stored, "tableIndexConfig", "invertedIndexColumns")).contains("region");
		assertThat(provision(properties.withRoot(copy)).isUnchanged()).isTrue();
	}

	private static ProvisioningReport provision(ProvisionerProperties target) {
		try (Provisioner provisioner = Provisioner.connect(target)) {
			return provisioner.provision();
		}
	}

	private static void copyConfigs(Path from, Path to) throws IOException {
		for (String dir : List.of(RepositoryConfigs.SCHEMAS_DIR, RepositoryConfigs.TABLES_DIR)) {
			Files.createDirectories(to.resolve(dir));
			try (Stream<Path> files = Files.list(from.resolve(dir))) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".json")).toList()) {
					Files.copy(file, to.resolve(dir).resolve(file.getFileName()));
				}
			}
		}
	}

}
