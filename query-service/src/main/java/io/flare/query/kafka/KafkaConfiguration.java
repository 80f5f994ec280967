package io.flare.query.kafka;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Kafka adapter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaProperties.class)
class KafkaConfiguration {

	@Bean(destroyMethod = "close")
	KafkaTopicOffsets kafkaTopicOffsets(KafkaProperties properties) {
		return new KafkaTopicOffsets(properties);
	}

}
