package io.flare.simulator.generate;

import java.util.Objects;

/**
 * Where a simulated event happened.
 *
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param region the region or state within the country
 * @param city the city name
 * @param lat latitude in degrees, -90 to 90
 * @param lon longitude in degrees, -180 to 180
 */
public record GeneratedLocation(String country, String region, String city, double lat, double lon) {

	public GeneratedLocation {
		Objects.requireNonNull(country, "country");
		Objects.requireNonNull(region, "region");
		Objects.requireNonNull(city, "city");
		if (country.length() != 2 || !country.chars().allMatch((c) -> c >= 'A' && c <= 'Z')) {
			throw new IllegalArgumentException("country must be two upper-case letters, was '" + country + "'");
		}
		if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
			throw new IllegalArgumentException("lat/lon out of range: " + lat + ", " + lon);
		}
	}

}
