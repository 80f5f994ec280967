package io.flare.model;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTests {

	private static final Location PARIS = new Location("FR", "Île-de-France", "Paris", 48.8566, 2.3522);

	@Test
	void shouldKeepEveryComponent() {
		Event event = new Event("e-1", "opta", "sports", "goal", "match-42", 1_700_000_000_000L, PARIS, 1.0,
				Map.of("team", "home"));

		assertThat(event.eventId()).isEqualTo("e-1");
		assertThat(event.source()).isEqualTo("opta");
		assertThat(event.category()).isEqualTo("sports");
		assertThat(event.type()).isEqualTo("goal");
		assertThat(event.entityId()).isEqualTo("match-42");
		assertThat(event.eventTime()).isEqualTo(1_700_000_000_000L);
		assertThat(event.location()).isEqualTo(PARIS);
		assertThat(event.value()).isEqualTo(1.0);
		assertThat(event.attributes()).containsExactly(Map.entry("team", "home"));
	}

	@Test
	void shouldAcceptOptionalComponentsAbsent() {
		Event event = new Event("e-1", "opta", "sports", "goal", "match-42", 0L, null, null, Map.of());

		assertThat(event.location()).isNull();
		assertThat(event.value()).isNull();
	}

	@Test
	void shouldRejectNullEventId() {
		assertRejected(() -> event(null, "opta", "sports", "goal", "match-42"), "eventId must not be null");
	}

	@Test
	void shouldRejectNullSource() {
		assertRejected(() -> event("e-1", null, "sports", "goal", "match-42"), "source must not be null");
	}

	@Test
	void shouldRejectNullCategory() {
		assertRejected(() -> event("e-1", "opta", null, "goal", "match-42"), "category must not be null");
	}

	@Test
	void shouldRejectNullType() {
		assertRejected(() -> event("e-1", "opta", "sports", null, "match-42"), "type must not be null");
	}

	@Test
	void shouldRejectNullEntityId() {
		assertRejected(() -> event("e-1", "opta", "sports", "goal", null), "entityId must not be null");
	}

	@Test
	void shouldAcceptEventIdOfMaximumLength() {
		String eventId = "x".repeat(Event.MAX_EVENT_ID_LENGTH);

		assertThat(event(eventId, "opta", "sports", "goal", "match-42").eventId()).hasSize(128);
	}

	@Test
	void shouldRejectEventIdLongerThanMaximum() {
		String eventId = "x".repeat(129);

		assertRejected(() -> event(eventId, "opta", "sports", "goal", "match-42"),
				"eventId must be at most 128 characters but was 129");
	}

	@Test
	void shouldRejectImpossibleLocationNamingTheField() {
		assertRejected(
				() -> new Event("e-1", "opta", "sports", "goal", "match-42", 0L,
						new Location(null, null, null, 91.0, null), null, null),
				"lat must be within [-90, 90] but was 91.0");
	}

	@Test
	void shouldTurnNullAttributesIntoEmptyMap() {
		Event event = new Event("e-1", "opta", "sports", "goal", "match-42", 0L, null, null, null);

		assertThat(event.attributes()).isEmpty();
	}

	@Test
	void shouldCopyAttributesDefensively() {
		Map<String, String> attributes = new HashMap<>();
		attributes.put("team", "home");
		Event event = new Event("e-1", "opta", "sports", "goal", "match-42", 0L, null, null, attributes);

		attributes.put("team", "away");
		attributes.put("minute", "90");

		assertThat(event.attributes()).containsExactly(Map.entry("team", "home"));
	}

	@Test
	void shouldExposeUnmodifiableAttributes() {
		Event event = new Event("e-1", "opta", "sports", "goal", "match-42", 0L, null, null,
				new HashMap<>(Map.of("team", "home")));

		assertThatThrownBy(() -> event.attributes().put("minute", "90"))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void shouldRejectAttributeWithNullValue() {
		Map<String, String> attributes = new HashMap<>();
		attributes.put("team", null);

		assertRejected(() -> new Event("e-1", "opta", "sports", "goal", "match-42", 0L, null, null, attributes),
				"attributes must not contain null keys or values but had team=null");
	}

	@Test
	void shouldRejectAttributeWithNullKey() {
		Map<String, String> attributes = new HashMap<>();
		attributes.put(null, "home");

		assertRejected(() -> new Event("e-1", "opta", "sports", "goal", "match-42", 0L, null, null, attributes),
				"attributes must not contain null keys or values but had null=home");
	}

	@Test
	void shouldBeEqualWhenComponentsAreEqual() {
		Event first = new Event("e-1", "opta", "sports", "goal", "match-42", 0L, PARIS, 2.0, Map.of("a", "b"));
		Event second = new Event("e-1", "opta", "sports", "goal", "match-42", 0L, PARIS, 2.0,
				new HashMap<>(Map.of("a", "b")));

		assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
	}

	private static Event event(String eventId, String source, String category, String type, String entityId) {
		return new Event(eventId, source, category, type, entityId, 0L, null, null, Map.of());
	}

	private static void assertRejected(Runnable construction, String message) {
		assertThatIllegalArgumentException().isThrownBy(construction::run).withMessage(message);
	}

}
