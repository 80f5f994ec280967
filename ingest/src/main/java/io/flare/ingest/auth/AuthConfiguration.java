package io.flare.ingest.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Wires the key store, the authenticator, the admin API and the demo key. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AuthProperties.class, DemoKeyProperties.class })
class AuthConfiguration {

	@Bean
	ApiKeyStore apiKeyStore(JdbcClient jdbc) {
		return new JdbcApiKeyStore(jdbc);
	}

	@Bean
	ApiKeyAuthenticator apiKeyAuthenticator(ApiKeyStore store, AuthProperties properties) {
		return new ApiKeyAuthenticator(store, properties);
	}

	@Bean
	RouterFunction<ServerResponse> adminKeysRoutes(ApiKeyStore store, ApiKeyAuthenticator authenticator,
			AuthProperties properties) {
		AdminKeysHandler handler = new AdminKeysHandler(store, authenticator, properties);
		return RouterFunctions.route()
			.POST("/admin/keys", handler::create)
			.GET("/admin/keys", handler::list)
			.DELETE("/admin/keys/{id}", handler::revoke)
			.build();
	}

	@Bean
	@ConditionalOnProperty(name = "flare.ingest.demo-key.enabled", havingValue = "true")
	DemoKeyCreator demoKeyCreator(ApiKeyStore store, DemoKeyProperties properties) {
		return new DemoKeyCreator(store, properties);
	}

}
