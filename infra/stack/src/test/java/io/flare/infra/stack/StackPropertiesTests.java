package io.flare.infra.stack;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackPropertiesTests {

	private final Path root = Path.of("/repo");

	@Test
	void shouldUseTheUsualPortsAndADataDirectoryInTheRepositoryByDefault() {
		StackProperties props = StackProperties.from(this.root, (key) -> null);
		assertThat(props.home()).isEqualTo(Path.of("/repo/.flare"));
		assertThat(props.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
		assertThat(props.pinotControllerUrl()).isEqualTo("http://127.0.0.1:9000");
		assertThat(props.pinotBrokerUrl()).isEqualTo("http://127.0.0.1:8099");
		assertThat(props.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/flare");
		assertThat(props.logs()).isEqualTo(Path.of("/repo/.flare/logs"));
	}

	@Test
	void shouldTakeOverridesFromTheLookup() {
		Map<String, String> env = Map.of("KAFKA_PORT", "19092", "HOME", "/tmp/flare-x", "PINOT_HEAP", "2g");
		StackProperties props = StackProperties.from(this.root, env::get);
		assertThat(props.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
		assertThat(props.home()).isEqualTo(Path.of("/tmp/flare-x"));
		assertThat(props.pinotHeap()).isEqualTo("2g");
	}

	@Test
	void shouldNameTheVariableWhenAPortIsNotANumber() {
		assertThatThrownBy(() -> StackProperties.from(this.root, Map.of("PINOT_BROKER_PORT", "eighty")::get))
			.isInstanceOf(StackException.class)
			.hasMessage("FLARE_PINOT_BROKER_PORT must be a whole number, got 'eighty'");
	}

	@Test
	void shouldRejectAPortOutOfRange() {
		assertThatThrownBy(() -> StackProperties.from(this.root, Map.of("POSTGRES_PORT", "70000")::get))
			.isInstanceOf(StackException.class)
			.hasMessage("FLARE_POSTGRES_PORT must be a port number (1-65535), got 70000");
	}

	@Test
	void shouldListEveryPortOfPinotForThePortCheck() {
		StackProperties props = StackProperties.from(this.root, (key) -> null);
		assertThat(props.portsOf("pinot")).containsValues(2181, 9000, 8099, 8098, 8097, 8090, 9514);
	}

}
