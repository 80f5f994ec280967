package io.flare.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only one package talks to each external system: {@code query.pinot} to Pinot,
 * {@code query.kafka} to Kafka.
 */
class ArchitectureTests {

	private static final Path MAIN = Path.of("src/main/java/io/flare/query");

	@Test
	void shouldImportPinotOnlyFromThePinotPackage() throws IOException {
		assertThat(importers("import org.apache.pinot")).isNotEmpty()
			.allMatch((file) -> file.startsWith(MAIN.resolve("pinot")));
	}

	@Test
	void shouldImportKafkaOnlyFromTheKafkaPackage() throws IOException {
		assertThat(importers("import org.apache.kafka")).isNotEmpty()
			.allMatch((file) -> file.startsWith(MAIN.resolve("kafka")));
	}

	@Test
	void shouldDescribeEveryPackage() throws IOException {
		try (Stream<Path> dirs = Files.walk(MAIN)) {
			assertThat(dirs.filter(Files::isDirectory).toList())
				.allMatch((dir) -> Files.exists(dir.resolve("package-info.java")));
		}
	}

	private static List<Path> importers(String prefix) throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter((file) -> file.toString().endsWith(".java")).filter((file) -> {
				try {
					return Files.readString(file).contains(prefix);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}
	}

}
