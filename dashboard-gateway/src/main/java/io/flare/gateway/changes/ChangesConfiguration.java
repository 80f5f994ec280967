package io.flare.gateway.changes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChangesProperties.class)
class ChangesConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "flare.gateway.changes.enabled", matchIfMissing = true)
	KafkaChangeTracker kafkaChangeTracker(ChangesProperties properties, EventListener listener) {
		return new KafkaChangeTracker(properties, listener::onEvents);
	}

}
