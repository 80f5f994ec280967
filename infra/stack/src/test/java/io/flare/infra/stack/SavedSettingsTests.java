package io.flare.infra.stack;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SavedSettingsTests {

	@TempDir
	Path home;

	@Test
	void shouldReadBackEverySettingOfTheLastStart() {
		Map<String, String> env = Map.of("HOME", this.home.toString(), "KAFKA_PORT", "19092", "PINOT_HEAP", "2g");
		StackProperties started = StackProperties.from(this.home, env::get);
		SavedSettings.write(started);

		java.util.Properties saved = SavedSettings.read(this.home);
		StackProperties later = StackProperties.from(this.home,
				(key) -> "HOME".equals(key) ? this.home.toString() : saved.getProperty(key));
		assertThat(later).isEqualTo(started);
		assertThat(later.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
	}

	@Test
	void shouldReadNothingWhenTheStackWasNeverStarted() {
		assertThat(SavedSettings.read(this.home)).isEmpty();
	}

}
