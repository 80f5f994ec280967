package io.flare.ingest.validation;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.flare.model.Location;

/**
 * Reads the optional {@code location}: every component optional but typed; the country
 * upper-cased and checked against ISO 3166-1 alpha-2.
 */
final class LocationReader {

	private static final Set<String> FIELDS = Set.of("country", "region", "city", "lat", "lon");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final Strings strings;

	LocationReader(Strings strings) {
		this.strings = strings;
	}

	@Nullable Location read(@Nullable JsonNode node, Errors errors) {
		if (node == null || EventValidator.isAbsent(node)) {
			return null;
		}
		if (!node.isObject()) {
			errors.add("location", RejectCode.WRONG_TYPE, "must be an object but was " + Strings.describe(node));
			return null;
		}
		int before = errors.size();
		for (String name : node.propertyNames()) {
			if (!FIELDS.contains(name)) {
				errors.add("location." + Errors.truncate(name), RejectCode.UNKNOWN_FIELD,
						"is not a field of location (allowed: " + String.join(", ", EventValidator.sorted(FIELDS))
								+ ")");
			}
		}
		String country = country(node.get("country"), errors);
		String region = this.strings.optionalAt(node.get("region"), "location.region", errors);
		String city = this.strings.optionalAt(node.get("city"), "location.city", errors);
		Double lat = Numbers.optionalWithin(node.get("lat"), "location.lat", 90, errors);
		Double lon = Numbers.optionalWithin(node.get("lon"), "location.lon", 180, errors);
		if (errors.size() != before) {
			return null;
		}
		return new Location(country, region, city, lat, lon);
	}

	private @Nullable String country(@Nullable JsonNode node, Errors errors) {
		String code = this.strings.optionalAt(node, "location.country", errors);
		if (code == null) {
			return null;
		}
		String upper = code.toUpperCase(Locale.ROOT);
		if (!COUNTRIES.contains(upper)) {
			errors.add("location.country", RejectCode.UNKNOWN_COUNTRY,
					"must be an ISO 3166-1 alpha-2 country code (e.g. FR) but was " + Errors.echo(code));
			return null;
		}
		return upper;
	}

}
