package io.flare.infra.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts PostgreSQL on loopback with a data directory kept across restarts, creates the
 * Flare database when it is missing, and runs until this JVM is told to stop (SIGTERM
 * stops the server cleanly).
 */
public final class PostgresRunner {

	private PostgresRunner() {
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = null;
		int port = 5432;
		String database = "flare";
		for (String arg : args) {
			if (arg.startsWith("--data-dir=")) {
				dataDir = Path.of(arg.substring("--data-dir=".length())).toAbsolutePath();
			}
			else if (arg.startsWith("--port=")) {
				port = Integer.parseInt(arg.substring("--port=".length()));
			}
			else if (arg.startsWith("--database=")) {
				database = arg.substring("--database=".length());
			}
			else {
				System.err.println("postgres-runner: unknown option '" + arg + "'");
				System.exit(2);
			}
		}
		if (dataDir == null) {
			System.err.println("postgres-runner: --data-dir is required");
			System.exit(2);
		}
		EmbeddedPostgres postgres = start(dataDir, port);
		ensureDatabase(postgres, database);
		System.out.println("FLARE-POSTGRES-READY port=" + port + " database=" + database);
		new CountDownLatch(1).await();
	}

	private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
		Files.createDirectories(dataDir);
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "200")
			.setPGStartupWait(Duration.ofSeconds(60))
			.setRegisterShutdownHook(true)
			.start();
	}

	private static void ensureDatabase(EmbeddedPostgres postgres, String database) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, database);
			try (ResultSet rs = exists.executeQuery()) {
				if (rs.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				// The name comes from the stack's own configuration, never from a user
				// request.
				create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
			}
		}
	}

}
