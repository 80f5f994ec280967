package io.flare.infra.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository under test: system property {@code flare.root} (Surefire and Failsafe
 * set it), else the nearest directory above the working directory that holds
 * {@code schemas/}.
 */
final class RepositoryRoot {

	private RepositoryRoot() {
	}

	static Path find() {
		String property = System.getProperty("flare.root");
		if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property, "schemas"))) {
			return Path.of(property).toAbsolutePath().normalize();
		}
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isDirectory(dir.resolve("schemas"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("No directory with schemas/ above " + Path.of("").toAbsolutePath()
				+ " and flare.root is '" + property + "'");
	}

}
