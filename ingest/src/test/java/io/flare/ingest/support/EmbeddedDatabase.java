package io.flare.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL (embedded binaries) for unit-level Spring tests, started once per
 * test JVM on a free port; integration tests use the stack's PostgreSQL instead.
 */
public final class EmbeddedDatabase {

	private static EmbeddedPostgres postgres;

	private EmbeddedDatabase() {
	}

	/** Starts the database if needed and points the datasource at it. */
	public static synchronized void register(DynamicPropertyRegistry registry) {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
			}
		}
		String url = postgres.getJdbcUrl("postgres", "postgres");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
	}

}
