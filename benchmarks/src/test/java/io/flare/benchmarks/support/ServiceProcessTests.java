package io.flare.benchmarks.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.flare.benchmarks.pinot.BenchmarkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceProcessTests {

	@TempDir
	Path folder;

	@Test
	void shouldSayWhichJarToBuildWhenItIsMissing() {
		Path jar = this.folder.resolve("missing.jar");
		assertThatExceptionOfType(BenchmarkException.class)
			.isThrownBy(() -> ServiceProcess.start("query service", jar, "64m", List.of(), this.folder.resolve("log"),
					Duration.ofSeconds(30)))
			.withMessage(jar + " is missing; benchmarks/run builds it");
	}

	@Test
	void shouldPointAtTheLogWhenTheServiceExits() throws Exception {
		Path jar = Files.writeString(this.folder.resolve("broken.jar"), "not a jar");
		Path log = this.folder.resolve("logs").resolve("service.log");
		assertThatExceptionOfType(BenchmarkException.class)
			.isThrownBy(() -> ServiceProcess.start("query service", jar, "64m", List.of(), log, Duration.ofSeconds(60)))
			.withMessage("The query service exited; see " + log);
	}

}
