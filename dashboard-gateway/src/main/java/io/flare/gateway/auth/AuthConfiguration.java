package io.flare.gateway.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class AuthConfiguration {

	@Bean
	TokenAuthenticator tokenAuthenticator(AuthProperties properties) {
		return new TokenAuthenticator(properties);
	}

}
