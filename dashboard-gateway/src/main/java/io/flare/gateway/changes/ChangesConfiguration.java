package io.flare.gateway.changes;

import java.net.URI;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChangesProperties.class)
@ConditionalOnBooleanProperty(name = "flare.gateway.changes.enabled", matchIfMissing = true)
class ChangesConfiguration {

	@Bean
	KafkaChangeTracker kafkaChangeTracker(ChangesProperties properties, EventListener listener) {
		return new KafkaChangeTracker(properties, listener::onEvents);
	}

	@Bean
	IngestionProgress ingestionProgress(ChangesProperties properties) {
		ChangesProperties.Pinot pinot = properties.pinot();
		if (pinot.controllerUrl().isBlank()) {
			return () -> Mono.error(new IllegalStateException("no Pinot controller configured"));
		}
		return new PinotIngestionProgress(URI.create(pinot.controllerUrl()), pinot.table(), pinot.timeout());
	}

	@Bean
	ProgressPoller progressPoller(IngestionProgress progress, EventListener listener, ChangesProperties properties) {
		return new ProgressPoller(progress, listener, properties, Schedulers.parallel());
	}

	@Bean
	MeterBinder progressMetrics(ProgressPoller poller) {
		return (registry) -> {
			FunctionCounter.builder("flare.gateway.progress.reads", poller, ProgressPoller::reads)
				.description("Reads of Pinot's consuming offsets while events waited to become queryable")
				.register(registry);
			FunctionCounter.builder("flare.gateway.progress.failures", poller, ProgressPoller::failures)
				.description("Reads of Pinot's consuming offsets that failed (the fallback delay applied)")
				.register(registry);
		};
	}

	@Bean
	SmartLifecycle progressPolling(ProgressPoller poller) {
		return new SmartLifecycle() {

			private volatile Disposable polling = Disposables.disposed();

			private volatile boolean running;

			@Override
			public void start() {
				this.polling = poller.start();
				this.running = true;
			}

			@Override
			public void stop() {
				this.polling.dispose();
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

		};
	}

}
