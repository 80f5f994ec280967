package io.flare.gateway.page;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.flare.gateway.auth.AuthProperties;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PageControllerTests {

	private static final List<PageProperties.Panel> PANELS = List.of(
			new PageProperties.Panel("events-per-second", null),
			new PageProperties.Panel("trending-entities", Map.of("category", "news")));

	private static final AuthProperties AUTH = new AuthProperties(Map.of("local-dashboard", List.of("*")));

	@Test
	void shouldGiveTheTokenAndPanelsToABrowserOnThisMachine() {
		PageController controller = new PageController(new PageProperties("local-dashboard", PANELS), AUTH);

		PageController.PageConfig config = controller.config(from("127.0.0.1"));

		assertThat(config.token()).isEqualTo("local-dashboard");
		assertThat(config.panels()).extracting(PageProperties.Panel::metric)
			.containsExactly("events-per-second", "trending-entities");
		assertThat(config.panels().get(0).params()).isEmpty();
	}

	@Test
	void shouldKeepTheTokenFromOtherMachines() {
		PageController controller = new PageController(new PageProperties("local-dashboard", PANELS), AUTH);

		PageController.PageConfig config = controller.config(from("192.0.2.10"));

		assertThat(config.token()).isNull();
		assertThat(config.panels()).hasSize(2);
	}

	@Test
	void shouldNotGiveATokenThatIsNotConfigured() {
		PageController controller = new PageController(new PageProperties("removed-token", null), AUTH);

		PageController.PageConfig config = controller.config(from("127.0.0.1"));

		assertThat(config.token()).isNull();
		assertThat(config.panels()).isEmpty();
	}

	private static MockServerHttpRequest from(String address) {
		return MockServerHttpRequest.get("/page-config.json")
			.remoteAddress(new InetSocketAddress(address, 50000))
			.build();
	}

}
