package io.flare.infra.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Pinot schema and table-config files of a repository: {@code schemas/*.json} and
 * {@code table-configs/*.json}.
 *
 * @param schemas schema files, by file name
 * @param tables table-config files, by file name
 */
public record RepositoryConfigs(List<ConfigFile> schemas, List<ConfigFile> tables) {

	/** Folder of the schema files, under the repository root. */
	public static final String SCHEMAS_DIR = "schemas";

	/** Folder of the table-config files, under the repository root. */
	public static final String TABLES_DIR = "table-configs";

	public RepositoryConfigs {
		schemas = List.copyOf(schemas);
		tables = List.copyOf(tables);
	}

	/**
	 * Reads and parses every file, reporting every unreadable or malformed one at once.
	 * @param root the repository directory
	 * @return the parsed files
	 * @throws InvalidConfigException naming each bad file (and line, for malformed JSON)
	 */
	public static RepositoryConfigs load(Path root) {
		List<String> problems = new ArrayList<>();
		List<ConfigFile> schemas = readAll(root, SCHEMAS_DIR, problems);
		List<ConfigFile> tables = readAll(root, TABLES_DIR, problems);
		if (!problems.isEmpty()) {
			throw new InvalidConfigException(problems);
		}
		return new RepositoryConfigs(schemas, tables);
	}

	private static List<ConfigFile> readAll(Path root, String folder, List<String> problems) {
		Path dir = root.resolve(folder);
		if (!Files.isDirectory(dir)) {
			problems.add(folder + "/: no such directory under " + root.toAbsolutePath());
			return List.of();
		}
		List<ConfigFile> files = new ArrayList<>();
		try (Stream<Path> paths = Files.list(dir)) {
			for (Path file : paths.filter((p) -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
				String name = folder + "/" + file.getFileName();
				try {
					files.add(new ConfigFile(name, parse(name, Files.readString(file, StandardCharsets.UTF_8))));
				}
				catch (IOException ex) {
					problems.add(name + ": cannot be read (" + ex.getMessage() + ")");
				}
				catch (IllegalArgumentException ex) {
					problems.add(ex.getMessage());
				}
			}
		}
		catch (IOException ex) {
			problems.add(folder + "/: cannot be listed (" + ex.getMessage() + ")");
		}
		return files;
	}

	/**
	 * Parses one file's text.
	 * @param name the file's name, for messages
	 * @param text its content
	 * @return the JSON object
	 * @throws IllegalArgumentException naming the file, line and column of malformed JSON
	 */
	static ObjectNode parse(String name, String text) {
		JsonNode node;
		try {
			node = Json.MAPPER.readTree(text);
		}
		catch (JsonProcessingException ex) {
			JsonLocation where = ex.getLocation();
			String position = (where != null) ? " line " + where.getLineNr() + ", column " + where.getColumnNr() : "";
			throw new IllegalArgumentException(
					name + ":" + position + ": invalid JSON: " + ex.getOriginalMessage().lines().findFirst().orElse(""),
					ex);
		}
		if (!(node instanceof ObjectNode object)) {
			throw new IllegalArgumentException(name + ": must hold one JSON object");
		}
		return object;
	}

}
