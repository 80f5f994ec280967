package io.flare.infra.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The settings a stack was started with, kept in its home so later commands talk to the
 * same ports.
 */
final class SavedSettings {

	private static final String FILE = "run/stack.properties";

	private SavedSettings() {
	}

	static Properties read(Path home) {
		Properties properties = new Properties();
		Path file = home.resolve(FILE);
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new StackException("Cannot read " + file + ": " + ex.getMessage(), ex);
			}
		}
		return properties;
	}

	static void write(StackProperties props) {
		Properties properties = new Properties();
		properties.putAll(props.settings());
		Path file = props.home().resolve(FILE);
		try {
			Files.createDirectories(file.getParent());
			try (Writer writer = Files.newBufferedWriter(file)) {
				properties.store(writer, "Settings of the last 'up' (FLARE_* variables without the prefix)");
			}
		}
		catch (IOException ex) {
			throw new StackException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

}
