package io.flare.infra.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the runtime classpath a module's build wrote to {@code target/classpath.txt}. */
final class Classpaths {

	private Classpaths() {
	}

	static String of(Path root, String module) {
		Path moduleDir = root.resolve(module);
		Path file = moduleDir.resolve("target/classpath.txt");
		if (!Files.isRegularFile(file)) {
			throw new StackException(file + " is missing: build the project first (./mvnw -Pfast -DskipTests package)");
		}
		try {
			String classpath = Files.readString(file).trim();
			Path classes = moduleDir.resolve("target/classes");
			return Files.isDirectory(classes) ? classes + File.pathSeparator + classpath : classpath;
		}
		catch (IOException ex) {
			throw new StackException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	static Path jar(Path root, String module, String artifact) {
		Path jar = root.resolve(module).resolve("target").resolve(artifact + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new StackException(jar + " is missing: build the project first (./mvnw -Pfast -DskipTests package)");
		}
		return jar;
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
