package io.flare.query.kafka;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka cluster the events topic lives on (the platform's
 * {@code spring.kafka.bootstrap-servers}).
 *
 * @param bootstrapServers the bootstrap servers; empty disables the offset-lag probe
 * @param adminTimeout how long an admin request may take
 */
@ConfigurationProperties("spring.kafka")
public record KafkaProperties(@DefaultValue List<String> bootstrapServers, @DefaultValue("3s") Duration adminTimeout) {

}
