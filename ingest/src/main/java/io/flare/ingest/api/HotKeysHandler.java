package io.flare.ingest.api;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

import io.flare.ingest.hotkeys.CategoryHotKeys;
import io.flare.ingest.hotkeys.HotKeyTracker;

/** {@code GET /v1/hot-keys[?category=...&limit=...]}: the heavy hitters per category. */
final class HotKeysHandler {

	private static final int MAX_LIMIT = 100;

	private final HotKeyTracker tracker;

	HotKeysHandler(HotKeyTracker tracker) {
		this.tracker = tracker;
	}

	Mono<ServerResponse> hotKeys(ServerRequest request) {
		String category = request.queryParam("category").orElse(null);
		int limit = limit(request.queryParam("limit").orElse(null));
		List<CategoryHotKeys> top = this.tracker.top(category, limit);
		return ServerResponse.ok()
			.bodyValue(Map.of("windowSeconds", this.tracker.properties().window().toSeconds(), "categories", top));
	}

	private int limit(String text) {
		if (text == null) {
			return this.tracker.properties().top();
		}
		try {
			int limit = Integer.parseInt(text);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new ServerWebInputException("limit must be a whole number from 1 to " + MAX_LIMIT);
	}

}
