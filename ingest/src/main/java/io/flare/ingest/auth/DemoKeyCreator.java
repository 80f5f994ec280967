package io.flare.ingest.auth;

import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Creates the local demo key once the application is ready and prints it; reuses it when
 * a fixed value is configured and already stored.
 */
final class DemoKeyCreator implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger LOG = LoggerFactory.getLogger(DemoKeyCreator.class);

	private final ApiKeyStore store;

	private final DemoKeyProperties properties;

	DemoKeyCreator(ApiKeyStore store, DemoKeyProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		String key = ensureDemoKey();
		LOG.info("Demo API key for sources {}: {}", this.properties.sources(), key);
	}

	/** The demo key's secret, stored if it was not. */
	String ensureDemoKey() {
		String configured = this.properties.value();
		String key = (configured != null && !configured.isBlank()) ? configured : ApiKeys.generate();
		String hash = ApiKeys.hash(key);
		Optional<ApiKey> found = this.store.findByHash(hash);
		if (found.isEmpty()) {
			this.store.create(this.properties.name(), Set.copyOf(this.properties.sources()), hash);
		}
		else if (found.get().isRevoked()) {
			LOG.warn("The configured demo key was revoked; configure another flare.ingest.demo-key.value");
		}
		return key;
	}

}
