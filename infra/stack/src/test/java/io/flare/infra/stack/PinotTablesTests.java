package io.flare.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PinotTablesTests {

	@TempDir
	Path root;

	@Test
	void shouldReadTheTableNamesOfTheRepositoryConfigs() throws IOException {
		Files.createDirectories(this.root.resolve("table-configs"));
		Files.writeString(this.root.resolve("table-configs/b.table.json"), "{ \"tableName\" : \"clicks\" }");
		Files.writeString(this.root.resolve("table-configs/a.table.json"), "{\"tableName\":\"events\",\"x\":1}");
		Files.writeString(this.root.resolve("table-configs/README.md"), "\"tableName\":\"not-a-config\"");
		assertThat(new PinotTables(props()).names()).containsExactly("events", "clicks");
	}

	@Test
	void shouldNameTheTableAndTheErrorWhenPinotNeverAnswers() throws IOException {
		Files.createDirectories(this.root.resolve("table-configs"));
		Files.writeString(this.root.resolve("table-configs/events.table.json"), "{\"tableName\":\"events\"}");
		assertThatThrownBy(() -> new PinotTables(props()).awaitQueryable(Duration.ofSeconds(1)))
			.isInstanceOf(StackException.class)
			.hasMessageStartingWith("Pinot table 'events' is not queryable after 1 s: ");
	}

	private StackProperties props() {
		// port 1 on loopback: nothing listens there, so every probe is refused at once
		return StackProperties.from(this.root, (key) -> "PINOT_BROKER_PORT".equals(key) ? "1" : null);
	}

}
