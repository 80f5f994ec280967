package io.flare.gateway.page;

import java.net.InetSocketAddress;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.flare.gateway.auth.AuthProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /page-config.json}: the token the page connects with by itself (to a browser
 * on this machine only) and the panels it opens.
 */
@RestController
@EnableConfigurationProperties(PageProperties.class)
final class PageController {

	private final PageProperties properties;

	private final AuthProperties auth;

	PageController(PageProperties properties, AuthProperties auth) {
		this.properties = properties;
		this.auth = auth;
	}

	@GetMapping("/page-config.json")
	PageConfig config(ServerHttpRequest request) {
		String token = this.properties.token();
		boolean local = isLoopback(request.getRemoteAddress());
		boolean configured = token != null && !token.isBlank() && this.auth.tokens().containsKey(token);
		return new PageConfig((local && configured) ? token : null, this.properties.panels());
	}

	private static boolean isLoopback(@Nullable InetSocketAddress address) {
		return address != null && address.getAddress() != null && address.getAddress().isLoopbackAddress();
	}

	/**
	 * The page's start.
	 *
	 * @param token the token to connect with, or {@code null}: the page asks for one
	 * @param panels the panels to open
	 */
	record PageConfig(@Nullable String token, List<PageProperties.Panel> panels) {

	}

}
