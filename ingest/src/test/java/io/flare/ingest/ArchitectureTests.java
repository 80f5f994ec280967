package io.flare.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The package arrows the design promises, checked on the sources. */
class ArchitectureTests {

	private static final Path SOURCES = Path.of("src/main/java/io/flare/ingest");

	@Test
	void shouldImportKafkaOnlyInThePublishPackage() throws IOException {
		assertThat(importers("import org.apache.kafka")).isNotEmpty()
			.allSatisfy((file) -> assertThat(file).startsWith(SOURCES.resolve("publish")));
	}

	@Test
	void shouldImportJdbcOnlyInTheAuthPackage() throws IOException {
		assertThat(importers("import org.springframework.jdbc")).isNotEmpty()
			.allSatisfy((file) -> assertThat(file).startsWith(SOURCES.resolve("auth")));
	}

	@Test
	void shouldImportDataSketchesOnlyInTheHotKeysPackage() throws IOException {
		assertThat(importers("import org.apache.datasketches")).isNotEmpty()
			.allSatisfy((file) -> assertThat(file).startsWith(SOURCES.resolve("hotkeys")));
	}

	private static List<Path> importers(String prefix) throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> contains(file, prefix))
				.toList();
		}
	}

	private static boolean contains(Path file, String text) {
		try {
			return Files.readString(file).contains(text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
