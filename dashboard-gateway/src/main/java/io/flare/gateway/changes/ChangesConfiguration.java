package io.flare.gateway.changes;

import java.net.URI;

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
	SmartLifecycle progressPolling(IngestionProgress progress, EventListener listener, ChangesProperties properties) {
		ProgressPoller poller = new ProgressPoller(progress, listener, properties, Schedulers.parallel());
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
