package io.flare.query.pinot;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Pinot adapters. Nothing connects at start-up: the service starts (and reports
 * the problem per request) while Pinot is down.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PinotProperties.class, HedgeProperties.class })
class PinotConfiguration {

	@Bean(destroyMethod = "close")
	HedgingQueryExecutor metricQueryExecutor(PinotProperties properties, HedgeProperties hedge, MeterRegistry meters) {
		return new HedgingQueryExecutor(new PinotMetricQueryExecutor(properties, meters), properties.queryTimeout(),
				hedge, meters);
	}

	@Bean
	PinotControllerIngestionOffsets pinotControllerIngestionOffsets(PinotProperties properties) {
		return new PinotControllerIngestionOffsets(properties);
	}

}
