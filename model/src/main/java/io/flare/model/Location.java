package io.flare.model;

/**
 * Where an event happened. Every component is optional ({@code null} when unknown); the
 * record only rejects coordinates that cannot exist on Earth.
 *
 * @param country ISO 3166-1 alpha-2 country code, or {@code null}
 * @param region region, state or province, or {@code null}
 * @param city city, or {@code null}
 * @param lat latitude in degrees within [-90, 90], or {@code null}
 * @param lon longitude in degrees within [-180, 180], or {@code null}
 */
public record Location(String country, String region, String city, Double lat, Double lon) {

	/**
	 * Validates the coordinates.
	 * @throws IllegalArgumentException if {@code lat} or {@code lon} is out of range or
	 * not a number
	 */
	public Location {
		requireWithin("lat", lat, 90);
		requireWithin("lon", lon, 180);
	}

	private static void requireWithin(String field, Double degrees, int bound) {
		// the negated form also rejects NaN, which compares false to everything
		if (degrees != null && !(degrees >= -bound && degrees <= bound)) {
			throw new IllegalArgumentException(
					field + " must be within [-" + bound + ", " + bound + "] but was " + degrees);
		}
	}

}
