package io.flare.infra.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.MockAdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The create / update / unchanged decisions, over the repository's real files, a fake
 * controller and Kafka's {@link MockAdminClient}.
 */
class ProvisionerTests {

	private static final String TABLE_FILE = "table-configs/events.table.json";

	private static final String SCHEMA_FILE = "schemas/events.schema.json";

	@TempDir
	Path root;

	private MockAdminClient kafka;

	private FakePinotController pinot;

	@BeforeEach
	void setUp() throws IOException {
		Path repository = RepositoryRoot.find();
		for (String file : List.of(TABLE_FILE, SCHEMA_FILE)) {
			Files.createDirectories(this.root.resolve(file).getParent());
			Files.copy(repository.resolve(file), this.root.resolve(file));
		}
		this.kafka = MockAdminClient.create().numBrokers(1).defaultReplicationFactor(1).build();
		this.pinot = new FakePinotController((topic) -> topicNames().contains(topic));
	}

	@AfterEach
	void tearDown() {
		this.kafka.close();
	}

	@Test
	void shouldCreateEverythingOnAnEmptyCluster() throws Exception {
		ProvisioningReport report = provision(properties());
		assertThat(report.outcomes()).extracting(Outcome::kind, Outcome::name, Outcome::action)
			.containsExactly(tuple("topic", "events", Outcome.Action.CREATED),
					tuple("topic", "events-raw", Outcome.Action.CREATED),
					tuple("topic", "events-dlq", Outcome.Action.CREATED),
					tuple("schema", "events", Outcome.Action.CREATED),
					tuple("table", "events_REALTIME", Outcome.Action.CREATED));
		Map<String, TopicDescription> topics = this.kafka.describeTopics(List.of("events", "events-dlq"))
			.allTopicNames()
			.get();
		assertThat(topics.get("events").partitions()).hasSize(8);
		assertThat(topics.get("events-dlq").partitions()).hasSize(1);
		assertThat(this.pinot.writes()).containsExactly("POST /schemas", "POST /tables");
	}

	@Test
	void shouldChangeNothingOnTheSecondRun() {
		provision(properties());
		this.pinot.calls().clear();
		ProvisioningReport second = provision(properties());
		assertThat(second.isUnchanged()).as(second.toString()).isTrue();
		assertThat(this.pinot.writes()).isEmpty();
	}

	@Test
	void shouldUpdateAndReloadTableWhenAnIndexChanges() throws IOException {
		provision(properties());
		this.pinot.calls().clear();
		edit(TABLE_FILE,
				(t) -> t.withObjectProperty("tableIndexConfig").withArray("invertedIndexColumns").add("region"));
		ProvisioningReport report = provision(properties());
		assertThat(report.find("table", "events_REALTIME")).hasValueSatisfying((o) -> {
			assertThat(o.action()).isEqualTo(Outcome.Action.UPDATED);
			assertThat(o.detail()).contains("tableIndexConfig.invertedIndexColumns", "segments reloaded");
		});
		assertThat(report.find("schema", "events"))
			.hasValueSatisfying((o) -> assertThat(o.action()).isEqualTo(Outcome.Action.UNCHANGED));
		assertThat(this.pinot.writes()).containsExactly("PUT /tables/events", "POST /segments/events_REALTIME/reload");
		assertThat(Json.texts(this.pinot.storedTable("events_REALTIME").orElseThrow(), "tableIndexConfig",
				"invertedIndexColumns"))
			.contains("region");
	}

	@Test
	void shouldUpdateSchemaAndReloadItsTablesWhenAColumnIsAdded() throws IOException {
		provision(properties());
		this.pinot.calls().clear();
		edit(SCHEMA_FILE, (
				s) -> s.withArray("dimensionFieldSpecs").addObject().put("name", "language").put("dataType", "STRING"));
		ProvisioningReport report = provision(properties());
		assertThat(report.find("schema", "events")).hasValueSatisfying((o) -> {
			assertThat(o.action()).isEqualTo(Outcome.Action.UPDATED);
			assertThat(o.detail()).contains("dimensionFieldSpecs");
		});
		assertThat(report.find("table", "events_REALTIME"))
			.hasValueSatisfying((o) -> assertThat(o.detail()).contains("schema changed", "segments reloaded"));
		assertThat(this.pinot.writes()).containsExactly("PUT /schemas/events", "POST /segments/events_REALTIME/reload");
	}

	@Test
	void shouldWriteTheConfiguredBootstrapIntoTheStreamConfig() {
		ProvisionerProperties production = new ProvisionerProperties(ProvisionerProperties.LOCAL_CONTROLLER,
				"kafka-0.kafka:9092,kafka-1.kafka:9092", this.root, 8, (short) 1, Duration.ofSeconds(5),
				"org.apache.pinot.plugin.stream.kafka30.KafkaConsumerFactory");
		provision(production);
		JsonNode stream = StreamConfigs.of(this.pinot.storedTable("events_REALTIME").orElseThrow()).get(0);
		assertThat(stream.path(StreamConfigs.BROKER_LIST).asText()).isEqualTo("kafka-0.kafka:9092,kafka-1.kafka:9092");
		assertThat(stream.path(StreamConfigs.CONSUMER_FACTORY).asText()).contains("kafka30");
	}

	@Test
	void shouldUpdateTableWhenOnlyTheBootstrapChanges() {
		provision(properties());
		ProvisionerProperties moved = new ProvisionerProperties(ProvisionerProperties.LOCAL_CONTROLLER,
				"127.0.0.1:19092", this.root, 8, (short) 1, Duration.ofSeconds(5), null);
		ProvisioningReport report = provision(moved);
		assertThat(report.find("table", "events_REALTIME"))
			.hasValueSatisfying((o) -> assertThat(o.detail()).contains(StreamConfigs.BROKER_LIST));
	}

	@Test
	void shouldCreateTopicsBeforeTheTableThatConsumesThem() {
		ProvisioningReport report = provision(properties());
		assertThat(report.find("table", "events_REALTIME"))
			.hasValueSatisfying((o) -> assertThat(o.action()).isEqualTo(Outcome.Action.CREATED));
	}

	@Test
	void shouldWarnAboutTopicWithFewerPartitionsAndLeaveIt() throws Exception {
		this.kafka.createTopics(List.of(new NewTopic("events", 2, (short) 1))).all().get();
		ProvisioningReport report = provision(properties());
		assertThat(report.find("topic", "events")).hasValueSatisfying((o) -> {
			assertThat(o.action()).isEqualTo(Outcome.Action.WARNING);
			assertThat(o.detail()).contains("2 partitions", "8 wanted");
		});
		assertThat(this.kafka.describeTopics(List.of("events")).allTopicNames().get().get("events").partitions())
			.hasSize(2);
	}

	@Test
	void shouldLeaveTopicWithMorePartitionsAndTopicsItDoesNotKnow() throws Exception {
		this.kafka.createTopics(List.of(new NewTopic("events", 16, (short) 1), new NewTopic("other", 1, (short) 1)))
			.all()
			.get();
		ProvisioningReport report = provision(properties());
		assertThat(report.find("topic", "events"))
			.hasValueSatisfying((o) -> assertThat(o.action()).isEqualTo(Outcome.Action.UNCHANGED));
		assertThat(topicNames()).contains("other", "events", "events-raw", "events-dlq");
	}

	@Test
	void shouldWarnAboutPropertiesTheControllerIgnores() throws IOException {
		edit(TABLE_FILE, (t) -> t.putObject("tableIndexConfgi"));
		ProvisioningReport report = provision(properties());
		assertThat(report.warnings()).singleElement().satisfies((o) -> {
			assertThat(o.name()).isEqualTo("events_REALTIME");
			assertThat(o.detail()).contains(TABLE_FILE, "tableIndexConfgi");
		});
	}

	@Test
	void shouldApplyNothingWhenTheFilesAreInconsistent() throws IOException {
		edit(TABLE_FILE, (t) -> t.withObjectProperty("tableIndexConfig").withArray("rangeIndexColumns").add("price"));
		InvalidConfigException ex = assertThrows(InvalidConfigException.class, () -> provision(properties()));
		assertThat(ex.getMessage()).contains(TABLE_FILE, "'price'");
		assertThat(ex.isRetriable()).isFalse();
		assertThat(this.pinot.calls()).isEmpty();
		assertThat(topicNames()).isEmpty();
	}

	@Test
	void shouldReportKafkaThatDoesNotAnswer() {
		this.kafka.timeoutNextRequest(1);
		KafkaProvisioningException ex = assertThrows(KafkaProvisioningException.class, () -> provision(properties()));
		assertThat(ex.getMessage()).contains("Kafka at 127.0.0.1:9092");
		assertThat(this.pinot.calls()).isEmpty();
	}

	private ProvisioningReport provision(ProvisionerProperties properties) {
		Provisioner provisioner = new Provisioner(properties, this.kafka, this.pinot);
		return provisioner.provision();
	}

	private Set<String> topicNames() {
		try {
			return this.kafka.listTopics().names().get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ProvisionerProperties properties() {
		return new ProvisionerProperties(ProvisionerProperties.LOCAL_CONTROLLER, ProvisionerProperties.LOCAL_BOOTSTRAP,
				this.root, 8, (short) 1, Duration.ofSeconds(5), null);
	}

	private void edit(String file, Consumer<ObjectNode> change) throws IOException {
		Path path = this.root.resolve(file);
		ObjectNode json = RepositoryConfigs.parse(file, Files.readString(path));
		change.accept(json);
		Files.writeString(path, json.toPrettyString());
	}

}
