package io.flare.ingest.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.flare.model.Event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EventValidatorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private final EventValidator validator = new EventValidator(ValidationProperties.defaults());

	@Test
	void shouldAcceptAndNormaliseCompleteEvent() {
		ObjectNode node = valid();
		node.put("eventTime", "2026-03-01T13:30:00+02:00");
		((ObjectNode) node.get("location")).put("country", "fr");

		Event event = accepted(node);

		assertThat(event.eventId()).isEqualTo("e-1");
		assertThat(event.eventTime()).isEqualTo(Instant.parse("2026-03-01T11:30:00Z").toEpochMilli());
		assertThat(event.location().country()).isEqualTo("FR");
		assertThat(event.location().city()).isEqualTo("Paris");
		assertThat(event.location().lat()).isEqualTo(48.85);
		assertThat(event.value()).isEqualTo(2.5);
		assertThat(event.attributes()).containsEntry("lang", "fr");
	}

	@Test
	void shouldAcceptMinimalEventWithoutOptionalFields() {
		ObjectNode node = valid();
		node.remove(List.of("location", "value", "attributes"));
		node.putNull("value");

		Event event = accepted(node);

		assertThat(event.location()).isNull();
		assertThat(event.value()).isNull();
		assertThat(event.attributes()).isEmpty();
	}

	@Test
	void shouldAcceptEpochMillis() {
		ObjectNode node = valid();
		node.put("eventTime", NOW.toEpochMilli() - 1000);

		assertThat(accepted(node).eventTime()).isEqualTo(NOW.toEpochMilli() - 1000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "source", "category", "type", "entityId", "eventTime" })
	void shouldRejectMissingRequiredField(String field) {
		ObjectNode node = valid();
		node.remove(field);

		assertRejected(node, field, RejectCode.MISSING, "is required");
	}

	@Test
	void shouldRejectNullRequiredField() {
		ObjectNode node = valid();
		node.putNull("source");

		assertRejected(node, "source", RejectCode.MISSING, "is required");
	}

	@Test
	void shouldRejectStringFieldOfWrongType() {
		ObjectNode node = valid();
		node.put("category", 42);

		assertRejected(node, "category", RejectCode.WRONG_TYPE, "must be a string but was a number");
	}

	@Test
	void shouldRejectBlankString() {
		ObjectNode node = valid();
		node.put("type", "   ");

		assertRejected(node, "type", RejectCode.BLANK, "must not be blank");
	}

	@Test
	void shouldRejectOverLongString() {
		ObjectNode node = valid();
		node.put("entityId", "x".repeat(257));

		assertRejected(node, "entityId", RejectCode.TOO_LONG, "must be at most 256 characters but was 257");
	}

	@Test
	void shouldRejectOverLongEventId() {
		ObjectNode node = valid();
		node.put("eventId", "x".repeat(129));

		assertRejected(node, "eventId", RejectCode.TOO_LONG, "must be at most 128 characters but was 129");
	}

	@Test
	void shouldRejectUnknownField() {
		ObjectNode node = valid();
		node.put("colour", "red");

		assertRejected(node, "colour", RejectCode.UNKNOWN_FIELD,
				"is not a field of the event contract (allowed: attributes, category, entityId, eventId, eventTime, "
						+ "location, source, type, value)");
	}

	@Test
	void shouldRejectElementThatIsNotAnObject() {
		Validated validated = this.validator.validate(JSON.readTree("[1]"), NOW);

		assertThat(validated.errors()).extracting(FieldError::field, FieldError::code, FieldError::reason)
			.containsExactly(tuple("$", RejectCode.NOT_AN_OBJECT, "must be a JSON object but was an array"));
	}

	@Test
	void shouldRejectEventTimeTooFarInTheFuture() {
		ObjectNode node = valid();
		node.put("eventTime", NOW.plus(Duration.ofMinutes(6)).toEpochMilli());

		assertRejected(node, "eventTime", RejectCode.IN_FUTURE,
				"must be at most PT5M in the future but was 2026-03-01T12:06:00Z, PT6M ahead");
	}

	@Test
	void shouldAcceptEventTimeJustInsideTheFutureBound() {
		ObjectNode node = valid();
		node.put("eventTime", NOW.plus(Duration.ofMinutes(5)).toEpochMilli());

		assertThat(accepted(node).eventTime()).isEqualTo(NOW.plus(Duration.ofMinutes(5)).toEpochMilli());
	}

	@Test
	void shouldRejectEventTimeOlderThanRetention() {
		ObjectNode node = valid();
		node.put("eventTime", "2026-02-20T12:00:00Z");

		assertRejected(node, "eventTime", RejectCode.TOO_OLD,
				"must be within the retention of PT168H but was 2026-02-20T12:00:00Z, PT216H ago");
	}

	@Test
	void shouldApplyConfiguredTimeBounds() {
		EventValidator strict = new EventValidator(
				new ValidationProperties(Duration.ofSeconds(1), Duration.ofHours(1), 256, 32, 64, 256, 4096));
		ObjectNode node = valid();
		node.put("eventTime", NOW.minus(Duration.ofHours(2)).toEpochMilli());

		assertThat(strict.validate(node, NOW).errors()).extracting(FieldError::code)
			.containsExactly(RejectCode.TOO_OLD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "2026-03-01", "2026-03-01T12:00:00", "1772366400000", "" })
	void shouldRejectEventTimeThatIsNotIsoWithOffset(String text) {
		ObjectNode node = valid();
		node.put("eventTime", text);

		Validated validated = this.validator.validate(node, NOW);

		assertThat(validated.errors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("eventTime");
			assertThat(error.reason()).startsWith("must be epoch milliseconds (a whole number) or an ISO-8601 "
					+ "timestamp with an offset, e.g. 2025-01-31T12:00:00Z but was");
		});
	}

	@Test
	void shouldRejectFractionalEpochMillis() {
		ObjectNode node = valid();
		node.put("eventTime", 1.5);

		assertRejected(node, "eventTime", RejectCode.INVALID_VALUE,
				"must be epoch milliseconds (a whole number) or an ISO-8601 timestamp with an offset, "
						+ "e.g. 2025-01-31T12:00:00Z but was 1.5");
	}

	@Test
	void shouldRejectEventTimeOfWrongType() {
		ObjectNode node = valid();
		node.put("eventTime", true);

		assertThat(this.validator.validate(node, NOW).errors()).extracting(FieldError::code)
			.containsExactly(RejectCode.WRONG_TYPE);
	}

	@Test
	void shouldRejectHugeEpochNumber() {
		ObjectNode node = (ObjectNode) JSON.readTree(
				valid().toString().replaceFirst("\"eventTime\":\\d+", "\"eventTime\":123456789012345678901234567890"));

		assertThat(this.validator.validate(node, NOW).errors()).extracting(FieldError::code)
			.containsExactly(RejectCode.INVALID_VALUE);
	}

	@Test
	void shouldRejectUnknownCountry() {
		ObjectNode node = valid();
		((ObjectNode) node.get("location")).put("country", "XX");

		assertRejected(node, "location.country", RejectCode.UNKNOWN_COUNTRY,
				"must be an ISO 3166-1 alpha-2 country code (e.g. FR) but was 'XX'");
	}

	@Test
	void shouldRejectAlpha3Country() {
		ObjectNode node = valid();
		((ObjectNode) node.get("location")).put("country", "FRA");

		assertThat(this.validator.validate(node, NOW).errors()).extracting(FieldError::code)
			.containsExactly(RejectCode.UNKNOWN_COUNTRY);
	}

	@Test
	void shouldRejectLatitudeOutOfRange() {
		ObjectNode node = valid();
		((ObjectNode) node.get("location")).put("lat", 91.0);

		assertRejected(node, "location.lat", RejectCode.INVALID_VALUE, "must be within [-90, 90] but was 91.0");
	}

	@Test
	void shouldRejectLongitudeOfWrongType() {
		ObjectNode node = valid();
		((ObjectNode) node.get("location")).put("lon", "east");

		assertRejected(node, "location.lon", RejectCode.WRONG_TYPE, "must be a number but was a string");
	}

	@Test
	void shouldRejectLocationThatIsNotAnObject() {
		ObjectNode node = valid();
		node.put("location", "Paris");

		assertRejected(node, "location", RejectCode.WRONG_TYPE, "must be an object but was a string");
	}

	@Test
	void shouldRejectUnknownLocationField() {
		ObjectNode node = valid();
		((ObjectNode) node.get("location")).put("street", "Rue de Rivoli");

		assertRejected(node, "location.street", RejectCode.UNKNOWN_FIELD,
				"is not a field of location (allowed: city, country, lat, lon, region)");
	}

	@Test
	void shouldRejectOverLongCity() {
		ObjectNode node = valid();
		((ObjectNode) node.get("location")).put("city", "c".repeat(300));

		assertRejected(node, "location.city", RejectCode.TOO_LONG, "must be at most 256 characters but was 300");
	}

	@Test
	void shouldRejectNonFiniteValue() {
		ObjectNode node = (ObjectNode) JSON.readTree(valid().toString().replace("\"value\":2.5", "\"value\":1e999"));

		assertRejected(node, "value", RejectCode.INVALID_VALUE, "must be a finite number");
	}

	@Test
	void shouldRejectValueOfWrongType() {
		ObjectNode node = valid();
		node.put("value", "3");

		assertRejected(node, "value", RejectCode.WRONG_TYPE, "must be a number but was a string");
	}

	@Test
	void shouldRejectAttributesThatAreNotAnObject() {
		ObjectNode node = valid();
		node.putArray("attributes");

		assertRejected(node, "attributes", RejectCode.WRONG_TYPE, "must be an object of strings but was an array");
	}

	@Test
	void shouldRejectAttributeThatIsNotAString() {
		ObjectNode node = valid();
		((ObjectNode) node.get("attributes")).put("seats", 3);

		assertRejected(node, "attributes.seats", RejectCode.WRONG_TYPE, "must be a string but was a number");
	}

	@Test
	void shouldRejectTooManyAttributes() {
		ObjectNode node = valid();
		ObjectNode attributes = node.putObject("attributes");
		for (int i = 0; i < 33; i++) {
			attributes.put("k" + i, "v");
		}

		assertRejected(node, "attributes", RejectCode.TOO_MANY, "must have at most 32 entries but had 33");
	}

	@Test
	void shouldRejectOverLongAttributeName() {
		ObjectNode node = valid();
		((ObjectNode) node.get("attributes")).put("n".repeat(65), "v");

		assertRejected(node, "attributes", RejectCode.TOO_LONG, "names must be 1 to 64 characters but one was 65");
	}

	@Test
	void shouldRejectOverLongAttributeValue() {
		ObjectNode node = valid();
		((ObjectNode) node.get("attributes")).put("note", "v".repeat(257));

		assertRejected(node, "attributes.note", RejectCode.TOO_LONG, "must be at most 256 characters but was 257");
	}

	@Test
	void shouldRejectAttributesLargerThanTheirColumn() {
		ObjectNode node = valid();
		ObjectNode attributes = node.putObject("attributes");
		for (int i = 0; i < 20; i++) {
			attributes.put("key-" + i, "v".repeat(250));
		}

		assertThat(this.validator.validate(node, NOW).errors()).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("attributes");
			assertThat(error.code()).isEqualTo(RejectCode.TOO_LONG);
			assertThat(error.reason()).startsWith("must be at most 4096 characters as JSON but was about ");
		});
	}

	@Test
	void shouldReportEveryErrorOfAnEventAtOnce() {
		ObjectNode node = valid();
		node.remove("source");
		node.put("eventTime", "soon");
		((ObjectNode) node.get("location")).put("country", "ZZ");

		assertThat(this.validator.validate(node, NOW).errors()).extracting(FieldError::field)
			.containsExactly("source", "eventTime", "location.country");
	}

	@Test
	void shouldEchoOnlyTheStartOfHugeValues() {
		ObjectNode node = valid();
		node.put("eventTime", "x".repeat(10_000));

		assertThat(this.validator.validate(node, NOW).errors()).singleElement()
			.satisfies((error) -> assertThat(error.reason()).hasSizeLessThan(300).endsWith("(10000 characters)"));
	}

	private Event accepted(JsonNode node) {
		Validated validated = this.validator.validate(node, NOW);
		assertThat(validated.errors()).isEmpty();
		return validated.event();
	}

	private void assertRejected(JsonNode node, String field, RejectCode code, String reason) {
		Validated validated = this.validator.validate(node, NOW);
		assertThat(validated.isAccepted()).isFalse();
		assertThat(validated.errors()).extracting(FieldError::field, FieldError::code, FieldError::reason)
			.containsExactly(tuple(field, code, reason));
	}

	static ObjectNode valid() {
		ObjectNode node = JSON.createObjectNode();
		node.put("eventId", "e-1");
		node.put("source", "scoreline");
		node.put("category", "sports");
		node.put("type", "goal");
		node.put("entityId", "match-1");
		node.put("eventTime", NOW.toEpochMilli());
		ObjectNode location = node.putObject("location");
		location.put("country", "FR");
		location.put("region", "IDF");
		location.put("city", "Paris");
		location.put("lat", 48.85);
		location.put("lon", 2.35);
		node.put("value", 2.5);
		node.putObject("attributes").put("lang", "fr");
		return node;
	}

}
