package io.flare.gateway.query;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryServiceProperties.class)
class QueryServiceConfiguration {

	@Bean
	MetricResultSource metricResultSource(QueryServiceProperties properties) {
		return new HttpMetricResultSource(WebClient.builder(), properties);
	}

}
