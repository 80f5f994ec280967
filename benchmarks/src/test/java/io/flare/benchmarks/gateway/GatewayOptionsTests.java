package io.flare.benchmarks.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.flare.benchmarks.support.UsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GatewayOptionsTests {

	@Test
	void shouldDefaultToTheIssuesScale() {
		GatewayOptions options = GatewayOptions.parse(List.of());
		assertThat(options.rate()).isEqualTo(10_000);
		assertThat(options.subscriptions()).isEqualTo(10_000);
		assertThat(options.distinct()).isEqualTo(1_000);
		assertThat(options.subscribers()).isEqualTo(1_000);
		assertThat(options.gatewayHeap()).isEqualTo("1g");
		assertThat(options.phases()).containsExactlyInAnyOrder("push", "fanout", "queries");
	}

	@Test
	void shouldShrinkDefaultsForAQuickRunButLetExplicitOptionsWin() {
		GatewayOptions options = GatewayOptions.parse(List.of("--quick", "--rate", "2000", "--interval=30s"));
		assertThat(options.rate()).isEqualTo(2_000);
		assertThat(options.subscriptions()).isEqualTo(1_000);
		assertThat(options.distinct()).isEqualTo(100);
		assertThat(options.interval()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void shouldSelectPhases() {
		GatewayOptions options = GatewayOptions.parse(List.of("--phases", "push, queries"));
		assertThat(options.phases()).isEqualTo(Set.of("push", "queries"));
		assertThat(options.runs("fanout")).isFalse();
	}

	@Test
	void shouldRefuseInconsistentOrUnknownOptions() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> GatewayOptions.parse(List.of("--subscriptions", "10", "--distinct", "20")))
			.withMessageContaining("--distinct (20) cannot exceed --subscriptions (10)");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> GatewayOptions.parse(List.of("--phases", "push,latency")))
			.withMessageContaining("--phases");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> GatewayOptions.parse(List.of("--gateway-heap", "lots")))
			.withMessageContaining("--gateway-heap");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> GatewayOptions.parse(List.of("--subs", "5")))
			.withMessage("Unknown option '--subs'");
	}

}
