package io.flare.ingest.validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.flare.model.Event;

/**
 * Derives the id of an event sent without one: {@value #PREFIX} +
 * base64url(SHA-256(source, canonical JSON of the normalised event)). The same event sent
 * again (a retried batch) gets the same id, so Pinot's dedup counts it once; ISO and
 * epoch forms of the same time normalise to the same id.
 */
public final class EventIds {

	/** The prefix of every derived id, so they are told apart from callers' ids. */
	public static final String PREFIX = "sha256-";

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private EventIds() {
	}

	/** The event with its derived id; its own {@code eventId} is ignored. */
	public static Event withDerivedId(Event event) {
		Event anonymous = new Event("", event.source(), event.category(), event.type(), event.entityId(),
				event.eventTime(), event.location(), event.value(), event.attributes());
		MessageDigest sha256 = sha256();
		sha256.update(event.source().getBytes(StandardCharsets.UTF_8));
		sha256.update((byte) 0);
		sha256.update(EventJson.write(anonymous));
		String id = PREFIX + BASE64URL.encodeToString(sha256.digest());
		return new Event(id, event.source(), event.category(), event.type(), event.entityId(), event.eventTime(),
				event.location(), event.value(), event.attributes());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
