package io.flare.gateway.page;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the dashboard page starts with.
 *
 * @param token a token the page connects with by itself, given only to a browser on the
 * gateway's own machine and only when it is a configured token (empty: the page asks)
 * @param panels the panels it opens once connected, those the token may read
 */
@ConfigurationProperties("flare.gateway.page")
public record PageProperties(@Nullable String token, @Nullable List<Panel> panels) {

	public PageProperties {
		panels = (panels != null) ? List.copyOf(panels) : List.of();
	}

	/**
	 * A panel.
	 *
	 * @param metric the metric's name
	 * @param params its parameters (absent: the defaults)
	 */
	public record Panel(String metric, @Nullable Map<String, String> params) {

		public Panel {
			params = (params != null) ? Map.copyOf(params) : Map.of();
		}

	}

}
