package io.flare.gateway.subscription;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Schedulers;

import io.flare.gateway.query.MetricResultSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvaluationProperties.class)
class SubscriptionConfiguration {

	@Bean
	SharedEvaluations sharedEvaluations(MetricResultSource source, EvaluationProperties properties) {
		return new SharedEvaluations(source, properties, Schedulers.parallel());
	}

	@Bean
	MeterBinder evaluationMetrics(SharedEvaluations evaluations) {
		return (registry) -> {
			Gauge.builder("flare.gateway.queries", evaluations, SharedEvaluations::size)
				.description("Distinct queries evaluated for subscribers")
				.register(registry);
			FunctionCounter.builder("flare.gateway.evaluations", evaluations, SharedEvaluations::evaluated)
				.description("Evaluations through the query service")
				.register(registry);
			FunctionCounter.builder("flare.gateway.published", evaluations, SharedEvaluations::published)
				.description("Changed results published to subscribers")
				.register(registry);
		};
	}

	@Bean
	SmartLifecycle evaluationTicks(SharedEvaluations evaluations) {
		return new SmartLifecycle() {

			private volatile Disposable ticks = Disposables.disposed();

			private volatile boolean running;

			@Override
			public void start() {
				this.ticks = evaluations.start();
				this.running = true;
			}

			@Override
			public void stop() {
				this.ticks.dispose();
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

		};
	}

}
