package io.flare.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret of the local platform, generated once per home and kept there (owner-only
 * file): the demo API key (handed to ingest, which stores its hash for the simulator's
 * sources, and to the demo feed), ingest's admin token (for {@code infra/flare keys}) and
 * the query service's raw-events token (SQL drill-down).
 */
enum LocalSecret {

	/** The key the demo feed posts with. */
	DEMO_KEY("data/demo-api-key", "flare-demo-"),

	/** The token of ingest's admin API ({@code /admin/keys}). */
	INGEST_ADMIN_TOKEN("data/ingest-admin-token", "flare-admin-"),

	/** The token that reads raw events from the query service (SQL, drill-down). */
	RAW_EVENTS_TOKEN("data/raw-events-token", "flare-sql-");

	private final String file;

	private final String prefix;

	LocalSecret(String file, String prefix) {
		this.file = file;
		this.prefix = prefix;
	}

	/** The secret of this home, created on first use. */
	String of(StackProperties props) {
		Path path = file(props);
		try {
			if (Files.isRegularFile(path)) {
				String secret = Files.readString(path).trim();
				if (!secret.isEmpty()) {
					return secret;
				}
			}
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String secret = this.prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.createDirectories(path.getParent());
			Files.writeString(path, secret);
			try {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the home's own permissions apply
			}
			return secret;
		}
		catch (IOException ex) {
			throw new StackException("Cannot read or write " + path + ": " + ex.getMessage(), ex);
		}
	}

	Path file(StackProperties props) {
		return props.home().resolve(this.file);
	}

}
