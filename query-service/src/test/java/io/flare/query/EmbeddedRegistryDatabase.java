package io.flare.query;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for unit-level tests of the whole context (started once per JVM), so
 * they need no running stack.
 */
public final class EmbeddedRegistryDatabase {

	private static EmbeddedPostgres postgres;

	private EmbeddedRegistryDatabase() {
	}

	/** The JDBC URL of the (started on first use) database. */
	public static synchronized String jdbcUrl() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRegistryDatabase::stop));
		}
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	private static synchronized void stop() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
