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

	@Test
	void shouldHedgeSlowQueriesByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(HedgeProperties.class))
			.isEqualTo(new HedgeProperties(true, 0.95, Duration.ofMillis(10), Duration.ofMillis(250), 0.1)));
	}

	@Test
	void shouldRefuseAHedgeQuantileOrBudgetOutOfRange() {
		this.runner.withPropertyValues("flare.pinot.hedge.quantile=1.5", "flare.pinot.hedge.budget=-0.1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("flare.pinot.hedge.quantile")
				.hasMessageContaining("flare.pinot.hedge.budget"));
	}

	@Test
	void shouldRefuseAMinimumHedgeDelayPastTheMaximum() {
		this.runner.withPropertyValues("flare.pinot.hedge.min-delay=1s", "flare.pinot.hedge.max-delay=100ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("min-delay (PT1S) must be between 0 and flare.pinot.hedge.max-delay (PT0.1S)"));
	}

}
