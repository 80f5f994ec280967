package io.flare.infra.provisioning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Brings Kafka and Pinot in line with the repository, idempotently: creates missing
 * topics, then creates or updates schemas, then creates or updates tables (reloading
 * their segments after an update). Objects that already match are not touched; nothing is
 * ever deleted.
 */
public final class Provisioner implements AutoCloseable {

	private final ProvisionerProperties properties;

	private final Admin admin;

	private final PinotController pinot;

	/**
	 * A provisioner over the given clients; {@link #close()} closes the admin client.
	 * @param properties what to provision and where
	 * @param admin a Kafka admin client for {@link ProvisionerProperties#bootstrap()}
	 * @param pinot the Pinot controller
	 */
	public Provisioner(ProvisionerProperties properties, Admin admin, PinotController pinot) {
		this.properties = properties;
		this.admin = admin;
		this.pinot = pinot;
	}

	/**
	 * A provisioner with its own Kafka admin client and HTTP client; close it when done.
	 * @param properties what to provision and where
	 * @return the provisioner
	 */
	public static Provisioner connect(ProvisionerProperties properties) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrap());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "flare-provisioner");
		int timeoutMs = (int) Math.min(Integer.MAX_VALUE, properties.timeout().toMillis());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
		return new Provisioner(properties, Admin.create(config),
				new HttpPinotController(properties.controller(), properties.timeout()));
	}

	/**
	 * Checks the files, then applies topics, schemas and tables in that order (Pinot
	 * cannot create a table whose topic is missing).
	 * @return what was done, object by object
	 * @throws InvalidConfigException when the files are inconsistent; nothing is applied
	 * then
	 * @throws ProvisioningException when Kafka or the controller fails
	 */
	public ProvisioningReport provision() {
		RepositoryConfigs configs = RepositoryConfigs.load(this.properties.root());
		List<TopicSpec> topics = TopicSpec.platformTopics(this.properties.partitions(), this.properties.replication());
		Set<String> topicNames = topics.stream().map(TopicSpec::name).collect(Collectors.toSet());
		List<String> problems = ConfigValidator.check(configs, topicNames);
		if (!problems.isEmpty()) {
			throw new InvalidConfigException(problems);
		}
		List<Outcome> outcomes = new ArrayList<>(
				new KafkaTopics(this.admin, this.properties.bootstrap(), this.properties.timeout()).ensure(topics));
		Set<String> changedSchemas = new HashSet<>();
		for (ConfigFile schema : configs.schemas()) {
			List<Outcome> schemaOutcomes = provisionSchema(schema);
			if (schemaOutcomes.get(0).action() == Outcome.Action.UPDATED) {
				changedSchemas.add(schema.schemaName());
			}
			outcomes.addAll(schemaOutcomes);
		}
		for (ConfigFile table : configs.tables()) {
			outcomes.addAll(provisionTable(table, changedSchemas.contains(table.tableSchemaName())));
		}
		return new ProvisioningReport(outcomes);
	}

	private List<Outcome> provisionSchema(ConfigFile file) {
		String name = file.schemaName();
		PinotController.Validated wanted = this.pinot.validateSchema(file.json());
		List<Outcome> outcomes = new ArrayList<>(unrecognized(Outcome.SCHEMA, name, file, wanted));
		Optional<JsonNode> current = this.pinot.schema(name);
		if (current.isEmpty()) {
			this.pinot.createSchema(file.json());
			outcomes.add(0, new Outcome(Outcome.SCHEMA, name, Outcome.Action.CREATED, "from " + file.path()));
			return outcomes;
		}
		List<String> differences = JsonDiff.paths(wanted.config(), current.get());
		if (differences.isEmpty()) {
			outcomes.add(0, new Outcome(Outcome.SCHEMA, name, Outcome.Action.UNCHANGED, ""));
			return outcomes;
		}
		this.pinot.updateSchema(name, file.json());
		outcomes.add(0,
				new Outcome(Outcome.SCHEMA, name, Outcome.Action.UPDATED, "changed " + JsonDiff.describe(differences)));
		return outcomes;
	}

	private List<Outcome> provisionTable(ConfigFile file, boolean schemaChanged) {
		String name = file.tableNameWithType();
		ObjectNode config = StreamConfigs.withKafka(file.json(), this.properties.bootstrap(),
				this.properties.consumerFactoryClass());
		PinotController.Validated wanted = this.pinot.validateTable(config);
		List<Outcome> outcomes = new ArrayList<>(unrecognized(Outcome.TABLE, name, file, wanted));
		Optional<JsonNode> current = this.pinot.table(file.tableName(), file.tableType());
		if (current.isEmpty()) {
			this.pinot.createTable(config);
			outcomes.add(0, new Outcome(Outcome.TABLE, name, Outcome.Action.CREATED, "from " + file.path()));
			return outcomes;
		}
		List<String> differences = JsonDiff.paths(wanted.config(), current.get());
		if (differences.isEmpty() && !schemaChanged) {
			outcomes.add(0, new Outcome(Outcome.TABLE, name, Outcome.Action.UNCHANGED, ""));
			return outcomes;
		}
		if (!differences.isEmpty()) {
			this.pinot.updateTable(file.tableName(), config);
		}
		this.pinot.reloadSegments(name);
		String what = differences.isEmpty() ? "schema changed" : "changed " + JsonDiff.describe(differences);
		outcomes.add(0, new Outcome(Outcome.TABLE, name, Outcome.Action.UPDATED, what + "; segments reloaded"));
		outcomes.addAll(verifyStored(file, wanted.config()));
		return outcomes;
	}

	private static List<Outcome> unrecognized(String kind, String name, ConfigFile file,
			PinotController.Validated validated) {
		if (!validated.hasUnrecognized()) {
			return List.of();
		}
		return List.of(new Outcome(kind, name, Outcome.Action.WARNING,
				file.path() + " has properties the controller ignores: " + validated.unrecognized()));
	}

	private List<Outcome> verifyStored(ConfigFile file, JsonNode wanted) {
		Optional<JsonNode> stored = this.pinot.table(file.tableName(), file.tableType());
		List<String> differences = stored.map((s) -> JsonDiff.paths(wanted, s)).orElse(List.of("(table missing)"));
		if (differences.isEmpty()) {
			return List.of();
		}
		return List.of(new Outcome(Outcome.TABLE, file.tableNameWithType(), Outcome.Action.WARNING,
				"the controller stores a config that differs from the validated one at "
						+ JsonDiff.describe(differences) + "; every run will update it again"));
	}

	@Override
	public void close() {
		this.admin.close(this.properties.timeout());
	}

}
