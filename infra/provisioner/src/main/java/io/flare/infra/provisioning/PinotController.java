package io.flare.infra.provisioning;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Pinot controller operations the provisioner needs. Every method throws
 * {@link ProvisioningException} (usually {@link PinotControllerException} or
 * {@link PinotControllerUnavailableException}) when the call fails.
 */
public interface PinotController {

	/**
	 * The schema as the controller holds it.
	 * @param name schema name
	 * @return the schema, or empty when the controller has none of that name
	 */
	Optional<JsonNode> schema(String name);

	/**
	 * The schema in the form the controller would store and return it
	 * ({@code POST /schemas/validate}), so it can be compared with
	 * {@link #schema(String)} field by field.
	 * @param schema a schema
	 * @return the normalised schema and the properties the controller did not recognise
	 */
	Validated validateSchema(ObjectNode schema);

	/**
	 * Adds a schema.
	 * @param schema the schema
	 */
	void createSchema(ObjectNode schema);

	/**
	 * Replaces a schema (Pinot only accepts backward-compatible changes, such as new
	 * columns).
	 * @param name schema name
	 * @param schema the new schema
	 */
	void updateSchema(String name, ObjectNode schema);

	/**
	 * The table config as the controller holds it.
	 * @param rawName table name without type
	 * @param tableType {@code OFFLINE} or {@code REALTIME}
	 * @return the config, or empty when there is no such table
	 */
	Optional<JsonNode> table(String rawName, String tableType);

	/**
	 * The table config in the form the controller would store and return it
	 * ({@code POST /tables/validate}).
	 * @param tableConfig a table config whose schema the controller already holds
	 * @return the normalised config and the properties the controller did not recognise
	 */
	Validated validateTable(ObjectNode tableConfig);

	/**
	 * Creates a table.
	 * @param tableConfig the config
	 */
	void createTable(ObjectNode tableConfig);

	/**
	 * Replaces a table's config.
	 * @param rawName table name without type
	 * @param tableConfig the new config
	 */
	void updateTable(String rawName, ObjectNode tableConfig);

	/**
	 * Asks the servers to reload every segment of the table, so index changes apply to
	 * data already ingested.
	 * @param tableNameWithType e.g. {@code events_REALTIME}
	 */
	void reloadSegments(String tableNameWithType);

	/**
	 * A config as the controller normalises it.
	 *
	 * @param config the normalised config
	 * @param unrecognized properties the controller ignored (usually a typo in the file),
	 * possibly empty
	 */
	record Validated(JsonNode config, JsonNode unrecognized) {

		/**
		 * Whether the controller ignored any property.
		 * @return true when some property was not recognised
		 */
		public boolean hasUnrecognized() {
			return this.unrecognized.size() > 0;
		}

	}

}
