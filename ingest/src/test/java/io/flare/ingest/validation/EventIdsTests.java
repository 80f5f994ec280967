package io.flare.ingest.validation;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import io.flare.model.Event;
import io.flare.model.Location;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private final EventValidator validator = new EventValidator(ValidationProperties.defaults());

	@Test
	void shouldDeriveStablePrefixedIdWhenAbsent() {
		Event first = derived(EventValidatorTests.valid());
		Event again = derived(EventValidatorTests.valid());

		assertThat(first.eventId()).startsWith(EventIds.PREFIX).hasSize(EventIds.PREFIX.length() + 43);
		assertThat(again.eventId()).isEqualTo(first.eventId());
	}

	@Test
	void shouldDeriveSameIdForIsoAndEpochFormsOfTheSameTime() {
		ObjectNode iso = EventValidatorTests.valid();
		iso.put("eventTime", "2026-03-01T13:00:00+01:00");
		ObjectNode epoch = EventValidatorTests.valid();
		epoch.put("eventTime", NOW.toEpochMilli());

		assertThat(derived(iso).eventId()).isEqualTo(derived(epoch).eventId());
	}

	@Test
	void shouldDeriveSameIdWhateverTheAttributeOrder() {
		ObjectNode ab = EventValidatorTests.valid();
		ab.putObject("attributes").put("a", "1").put("b", "2");
		ObjectNode ba = EventValidatorTests.valid();
		ba.putObject("attributes").put("b", "2").put("a", "1");

		assertThat(derived(ab).eventId()).isEqualTo(derived(ba).eventId());
	}

	@Test
	void shouldDeriveDifferentIdsForDifferentSourcesOrContent() {
		ObjectNode other = EventValidatorTests.valid();
		other.put("source", "pitchside-data");
		ObjectNode later = EventValidatorTests.valid();
		later.put("eventTime", NOW.toEpochMilli() + 1);

		String id = derived(EventValidatorTests.valid()).eventId();
		assertThat(derived(other).eventId()).isNotEqualTo(id);
		assertThat(derived(later).eventId()).isNotEqualTo(id);
	}

	@Test
	void shouldKeepCallersId() {
		assertThat(this.validator.validate(EventValidatorTests.valid(), NOW).event().eventId()).isEqualTo("e-1");
	}

	@Test
	void shouldWriteCanonicalNestedJson() {
		Event event = new Event("e-1", "s", "c", "t", "x", 5L, new Location("FR", null, "Paris", 1.5, null), null,
				Map.of("b", "2", "a", "1"));

		assertThat(new String(EventJson.write(event)))
			.isEqualTo("{\"eventId\":\"e-1\",\"source\":\"s\",\"category\":\"c\",\"type\":\"t\",\"entityId\":\"x\","
					+ "\"eventTime\":5,\"location\":{\"country\":\"FR\",\"city\":\"Paris\",\"lat\":1.5},"
					+ "\"attributes\":{\"a\":\"1\",\"b\":\"2\"}}");
	}

	private Event derived(ObjectNode node) {
		node.remove("eventId");
		return this.validator.validate(node, NOW).event();
	}

}
