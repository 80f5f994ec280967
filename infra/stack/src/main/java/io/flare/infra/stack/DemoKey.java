package io.flare.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local platform's demo API key: generated once per home and kept there, handed to
 * ingest (which stores its hash for the simulator's sources) and to the demo feed, which
 * posts its events through ingest with it.
 */
final class DemoKey {

	private static final String FILE = "data/demo-api-key";

	private DemoKey() {
	}

	static String of(StackProperties props) {
		Path file = props.home().resolve(FILE);
		try {
			if (Files.isRegularFile(file)) {
				String key = Files.readString(file).trim();
				if (!key.isEmpty()) {
					return key;
				}
			}
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			String key = "flare-demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
			Files.createDirectories(file.getParent());
			Files.writeString(file, key);
			return key;
		}
		catch (IOException ex) {
			throw new StackException("Cannot read or write the demo API key at " + file + ": " + ex.getMessage(), ex);
		}
	}

	static Path file(StackProperties props) {
		return props.home().resolve(FILE);
	}

}
