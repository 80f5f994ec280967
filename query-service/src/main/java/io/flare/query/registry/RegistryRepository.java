package io.flare.query.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.flare.query.definition.DefinitionCodec;
import io.flare.query.definition.MetricDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's table, {@code query.metric_version}: append-only, one row per version.
 */
@Repository
class RegistryRepository {

	private static final String COLUMNS = "name, version, definition::text AS definition, author, origin, created_at, content_hash, replaced_by";

	private final JdbcClient jdbc;

	RegistryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The global change counter: the highest row id. */
	long changeMarker() {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM query.metric_version").query(Long.class).single();
	}

	/** The latest version of every metric, deletions included. */
	List<StoredDefinition> latestAll() {
		return this.jdbc
			.sql("SELECT DISTINCT ON (name) " + COLUMNS + " FROM query.metric_version ORDER BY name, version DESC")
			.query(RegistryRepository::map)
			.list();
	}

	/** Every version of {@code name}, oldest first. */
	List<StoredDefinition> history(String name) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM query.metric_version WHERE name = ? ORDER BY version")
			.param(name)
			.query(RegistryRepository::map)
			.list();
	}

	/** One version of {@code name}. */
	Optional<StoredDefinition> version(String name, int version) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM query.metric_version WHERE name = ? AND version = ?")
			.param(name)
			.param(version)
			.query(RegistryRepository::map)
			.optional();
	}

	/** The hash of the latest version {@code origin} wrote for {@code name}. */
	Optional<String> lastHashFrom(String name, String origin) {
		return this.jdbc
			.sql("SELECT content_hash FROM query.metric_version WHERE name = ? AND origin = ? ORDER BY id DESC LIMIT 1")
			.param(name)
			.param(origin)
			.query(String.class)
			.optional();
	}

	/**
	 * Appends a version unless it would change nothing (same content as the latest, or
	 * deleting what is already deleted). Concurrent writers of one name are serialised by
	 * a transaction-scoped advisory lock, so versions never collide.
	 * @return the new version, or the latest one when nothing changed
	 */
	@Transactional
	public Optional<StoredDefinition> append(String name, @Nullable MetricDefinition definition, String author,
			String origin) {
		return append(name, definition, author, origin, null);
	}

	/**
	 * As {@link #append(String, MetricDefinition, String, String)}; a deletion may name
	 * the metric replacing this one.
	 */
	@Transactional
	public Optional<StoredDefinition> append(String name, @Nullable MetricDefinition definition, String author,
			String origin, @Nullable String replacedBy) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("flare.metric:" + name).query().listOfRows();
		Optional<StoredDefinition> latest = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM query.metric_version WHERE name = ? ORDER BY version DESC LIMIT 1")
			.param(name)
			.query(RegistryRepository::map)
			.optional();
		String hash = (definition != null) ? DefinitionCodec.hash(definition) : null;
		if (latest.isPresent() && java.util.Objects.equals(latest.get().hash(), hash)) {
			return latest;
		}
		if (latest.isEmpty() && definition == null) {
			return Optional.empty();
		}
		int version = latest.map(StoredDefinition::version).orElse(0) + 1;
		this.jdbc
			.sql("INSERT INTO query.metric_version"
					+ " (name, version, definition, deleted, content_hash, author, origin, replaced_by)"
					+ " VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?)")
			.params(name, version, (definition != null) ? DefinitionCodec.toJson(definition) : null, definition == null,
					hash, author, origin, (definition == null) ? replacedBy : null)
			.update();
		return version(name, version);
	}

	private static StoredDefinition map(ResultSet row, int index) throws SQLException {
		String json = row.getString("definition");
		String name = row.getString("name");
		MetricDefinition definition = (json != null) ? DefinitionCodec.fromJson(json, name) : null;
		Timestamp created = row.getTimestamp("created_at");
		return new StoredDefinition(name, row.getInt("version"), definition, row.getString("author"),
				row.getString("origin"), created.toInstant(), row.getString("content_hash"),
				row.getString("replaced_by"));
	}

}
