package io.flare.query.pinot;

import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding of {@code flare.pinot.*} as the platform launcher passes it.
 */
class PinotPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withUserConfiguration(PinotConfiguration.class);

	@Test
	void shouldBindTheLauncherPropertiesWithoutConnecting() {
		this.runner
			.withPropertyValues("flare.pinot.broker-url=http://127.0.0.1:18099",
					"flare.pinot.controller-url=http://127.0.0.1:19000", "flare.pinot.query-timeout=750ms")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MetricQueryExecutor.class);
				PinotProperties properties = context.getBean(PinotProperties.class);
				assertThat(properties.brokerUrl()).isEqualTo(URI.create("http://127.0.0.1:18099"));
				assertThat(properties.queryTimeout()).isEqualTo(Duration.ofMillis(750));
			});
	}

	@Test
	void shouldDefaultToTheLocalStack() {
		this.runner.run((context) -> assertThat(context.getBean(PinotProperties.class).brokerUrl())
			.isEqualTo(URI.create("http://127.0.0.1:8099")));
	}

}
