package io.flare.infra.provisioning;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One schema or table-config file of the repository.
 *
 * @param path the file's path relative to the repository root, as messages name it
 * @param json the file's content
 */
public record ConfigFile(String path, ObjectNode json) {

	/**
	 * The schema's name, for a schema file.
	 * @return {@code schemaName}, or empty when absent
	 */
	public String schemaName() {
		return Json.text(this.json, "schemaName").orElse("");
	}

	/**
	 * The raw table name, for a table-config file.
	 * @return {@code tableName} without a type suffix, or empty when absent
	 */
	public String tableName() {
		String name = Json.text(this.json, "tableName").orElse("");
		String suffix = "_" + tableType();
		return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
	}

	/**
	 * The table type, for a table-config file.
	 * @return {@code OFFLINE} or {@code REALTIME} (upper case), or empty when absent
	 */
	public String tableType() {
		return Json.text(this.json, "tableType").orElse("").toUpperCase(Locale.ROOT);
	}

	/**
	 * The table name with its type, as the controller and the reload endpoint name it.
	 * @return e.g. {@code events_REALTIME}
	 */
	public String tableNameWithType() {
		return tableName() + "_" + tableType();
	}

	/**
	 * The schema a table config uses: {@code segmentsConfig.schemaName}, else the table
	 * name, as Pinot does.
	 * @return the schema name
	 */
	public String tableSchemaName() {
		return Json.text(this.json, "segmentsConfig", "schemaName").orElse(tableName());
	}

}
