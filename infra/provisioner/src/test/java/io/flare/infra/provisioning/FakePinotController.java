package io.flare.infra.provisioning;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An in-memory controller that behaves like Pinot's where the provisioner depends on it:
 * it stores configs in a normalised form (type-suffixed table name, defaults filled in,
 * keys in another order), answers validation with that same form, and refuses to create a
 * table whose topic does not exist.
 */
final class FakePinotController implements PinotController {

	private final Map<String, JsonNode> schemas = new LinkedHashMap<>();

	private final Map<String, JsonNode> tables = new LinkedHashMap<>();

	private final List<String> calls = new ArrayList<>();

	private final Predicate<String> topicExists;

	FakePinotController(Predicate<String> topicExists) {
		this.topicExists = topicExists;
	}

	List<String> calls() {
		return this.calls;
	}

	List<String> writes() {
		return this.calls.stream().filter((c) -> !c.startsWith("GET") && !c.contains("/validate")).toList();
	}

	Optional<JsonNode> storedTable(String nameWithType) {
		return Optional.ofNullable(this.tables.get(nameWithType));
	}

	@Override
	public Optional<JsonNode> schema(String name) {
		this.calls.add("GET /schemas/" + name);
		return Optional.ofNullable(this.schemas.get(name));
	}

	@Override
	public Validated validateSchema(ObjectNode schema) {
		this.calls.add("POST /schemas/validate");
		return new Validated(reversed(schema), JsonNodeFactory.instance.objectNode());
	}

	@Override
	public void createSchema(ObjectNode schema) {
		this.calls.add("POST /schemas");
		this.schemas.put(schema.path("schemaName").asText(), reversed(schema));
	}

	@Override
	public void updateSchema(String name, ObjectNode schema) {
		this.calls.add("PUT /schemas/" + name);
		this.schemas.put(name, reversed(schema));
	}

	@Override
	public Optional<JsonNode> table(String rawName, String tableType) {
		this.calls.add("GET /tables/" + rawName);
		return Optional.ofNullable(this.tables.get(rawName + "_" + tableType));
	}

	@Override
	public Validated validateTable(ObjectNode tableConfig) {
		this.calls.add("POST /tables/validate");
		ObjectNode unrecognized = JsonNodeFactory.instance.objectNode();
		if (tableConfig.has("tableIndexConfgi")) {
			unrecognized.set("tableIndexConfgi", tableConfig.get("tableIndexConfgi"));
		}
		return new Validated(normalizeTable(tableConfig), unrecognized);
	}

	@Override
	public void createTable(ObjectNode tableConfig) {
		this.calls.add("POST /tables");
		for (String topic : StreamConfigs.topics(tableConfig)) {
			if (!this.topicExists.test(topic)) {
				throw new PinotControllerException("POST /tables", 500, "java.lang.NullPointerException");
			}
		}
		ObjectNode stored = normalizeTable(tableConfig);
		this.tables.put(stored.path("tableName").asText(), stored);
	}

	@Override
	public void updateTable(String rawName, ObjectNode tableConfig) {
		this.calls.add("PUT /tables/" + rawName);
		ObjectNode stored = normalizeTable(tableConfig);
		this.tables.put(stored.path("tableName").asText(), stored);
	}

	@Override
	public void reloadSegments(String tableNameWithType) {
		this.calls.add("POST /segments/" + tableNameWithType + "/reload");
	}

	private static ObjectNode normalizeTable(ObjectNode config) {
		ObjectNode normalized = reversed(config);
		normalized.put("tableName", config.path("tableName").asText() + "_" + config.path("tableType").asText());
		normalized.put("isDimTable", false);
		normalized.remove("tableIndexConfgi");
		if (normalized.get("tableIndexConfig") instanceof ObjectNode index) {
			index.put("aggregateMetrics", false);
		}
		return normalized;
	}

	private static ObjectNode reversed(ObjectNode node) {
		ObjectNode copy = JsonNodeFactory.instance.objectNode();
		List<String> names = new ArrayList<>();
		for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
			names.add(0, it.next());
		}
		for (String name : names) {
			JsonNode value = node.get(name);
			copy.set(name, (value instanceof ObjectNode object) ? reversed(object) : value.deepCopy());
		}
		return copy;
	}

}
