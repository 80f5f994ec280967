package io.flare.query.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads definitions from JSON or YAML — first against the JSON Schema (every structural
 * problem at once), then into the records — and writes their canonical JSON.
 */
public final class DefinitionCodec {

	/**
	 * Where the schema ({@code metrics/metric-definition.schema.json}) is on the class
	 * path.
	 */
	public static final String SCHEMA_RESOURCE = "/metric-definition.schema.json";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final com.fasterxml.jackson.databind.ObjectMapper SCHEMA_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

	private static final JsonSchema SCHEMA = loadSchema();

	private DefinitionCodec() {
	}

	/**
	 * Reads a JSON definition.
	 * @param json the text
	 * @param name the name it is stored under (from the URL or the file name); the body
	 * may omit it but must not contradict it
	 * @throws InvalidDefinitionException listing every structural problem
	 */
	public static MetricDefinition fromJson(String json, String name) {
		return bind(parse(JSON, json, name), name);
	}

	/** Reads a YAML definition, like {@link #fromJson}. */
	public static MetricDefinition fromYaml(String yaml, String name) {
		return bind(parse(YAML, yaml, name), name);
	}

	/** The canonical JSON of a definition (sorted keys, no empty fields). */
	public static String toJson(MetricDefinition definition) {
		return JSON.writeValueAsString(definition);
	}

	/** A SHA-256 of the canonical JSON: equal definitions have equal hashes. */
	public static String hash(MetricDefinition definition) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(toJson(definition).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static JsonNode parse(JsonMapper mapper, String text, String name) {
		return parseWith(() -> mapper.readTree(text), name);
	}

	private static JsonNode parse(YAMLMapper mapper, String text, String name) {
		return parseWith(() -> mapper.readTree(text), name);
	}

	private static JsonNode parseWith(java.util.function.Supplier<JsonNode> reader, String name) {
		JsonNode tree;
		try {
			tree = reader.get();
		}
		catch (JacksonException ex) {
			throw new InvalidDefinitionException(subject(name), List.of("not well-formed: " + ex.getOriginalMessage()));
		}
		if (tree == null || !tree.isObject()) {
			throw new InvalidDefinitionException(subject(name), List.of("a definition must be an object"));
		}
		return tree;
	}

	private static MetricDefinition bind(JsonNode tree, String name) {
		List<String> errors = schemaErrors(tree);
		JsonNode given = tree.get("name");
		if (given != null && !given.isNull() && !name.equals(given.asString())) {
			errors = new java.util.ArrayList<>(errors);
			errors.add("name: '" + given.asString() + "' does not match the metric's name '" + name + "'");
		}
		if (!errors.isEmpty()) {
			throw new InvalidDefinitionException(subject(name), errors);
		}
		((ObjectNode) tree).put("name", name);
		try {
			return JSON.treeToValue(tree, MetricDefinition.class);
		}
		catch (JacksonException ex) {
			throw new InvalidDefinitionException(subject(name), List.of(rootMessage(ex)));
		}
	}

	private static List<String> schemaErrors(JsonNode tree) {
		try {
			Set<ValidationMessage> messages = SCHEMA.validate(SCHEMA_JSON.readTree(JSON.writeValueAsString(tree)));
			return messages.stream().map(DefinitionCodec::describe).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String describe(ValidationMessage message) {
		String location = message.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
		String text = message.getMessage();
		String prefix = message.getInstanceLocation() + ": ";
		String detail = text.startsWith(prefix) ? text.substring(prefix.length()) : text;
		return (location.isEmpty() ? "definition" : location) + ": " + detail;
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause instanceof IllegalArgumentException) ? cause.getMessage()
				: (ex instanceof JacksonException jackson) ? jackson.getOriginalMessage() : ex.getMessage();
	}

	private static String subject(@Nullable String name) {
		return "Metric definition '" + name + "'";
	}

	private static JsonSchema loadSchema() {
		try (InputStream in = DefinitionCodec.class.getResourceAsStream(SCHEMA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the class path");
			}
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
