package io.flare.ingest.auth;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** API keys in PostgreSQL, table {@code ingest.api_keys} (see the Flyway migrations). */
final class JdbcApiKeyStore implements ApiKeyStore {

	private static final String COLUMNS = "id, name, sources, created_at, revoked_at";

	private final JdbcClient jdbc;

	JdbcApiKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<ApiKey> findByHash(String keyHash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ingest.api_keys WHERE key_hash = ?")
			.param(keyHash)
			.query(JdbcApiKeyStore::row)
			.optional();
	}

	@Override
	public ApiKey create(String name, Set<String> sources, String keyHash) {
		UUID id = UUID.randomUUID();
		String[] array = new TreeSet<>(sources).toArray(String[]::new);
		return this.jdbc
			.sql("INSERT INTO ingest.api_keys (id, name, key_hash, sources) VALUES (?, ?, ?, ?) RETURNING " + COLUMNS)
			.params(id, name, keyHash, array)
			.query(JdbcApiKeyStore::row)
			.single();
	}

	@Override
	public boolean revoke(UUID id) {
		return this.jdbc.sql("UPDATE ingest.api_keys SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")
			.param(id)
			.update() == 1;
	}

	@Override
	public List<ApiKey> list() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ingest.api_keys ORDER BY created_at DESC")
			.query(JdbcApiKeyStore::row)
			.list();
	}

	private static ApiKey row(ResultSet rs, int rowNum) throws SQLException {
		Array sources = rs.getArray("sources");
		Timestamp revoked = rs.getTimestamp("revoked_at");
		Instant revokedAt = (revoked != null) ? revoked.toInstant() : null;
		return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), Set.of((String[]) sources.getArray()),
				rs.getTimestamp("created_at").toInstant(), revokedAt);
	}

}
