package io.flare.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocationTests {

	@Test
	void shouldAcceptAllComponentsAbsent() {
		Location location = new Location(null, null, null, null, null);

		assertThat(location.lat()).isNull();
		assertThat(location.lon()).isNull();
	}

	@Test
	void shouldAcceptCoordinatesOnTheBounds() {
		assertThat(new Location("NZ", null, null, -90.0, 180.0).lon()).isEqualTo(180.0);
		assertThat(new Location("NO", null, null, 90.0, -180.0).lat()).isEqualTo(90.0);
	}

	@ParameterizedTest
	@ValueSource(doubles = { -90.0001, 90.0001, Double.NaN, Double.NEGATIVE_INFINITY })
	void shouldRejectLatitudeOutsideRange(double lat) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Location("FR", "IDF", "Paris", lat, 2.35))
			.withMessage("lat must be within [-90, 90] but was " + lat);
	}

	@ParameterizedTest
	@ValueSource(doubles = { -180.0001, 180.0001, Double.NaN, Double.POSITIVE_INFINITY })
	void shouldRejectLongitudeOutsideRange(double lon) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Location("FR", "IDF", "Paris", 48.85, lon))
			.withMessage("lon must be within [-180, 180] but was " + lon);
	}

	@Test
	void shouldNameLatitudeNotLongitudeWhenOnlyLatitudeIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Location(null, null, null, 100.0, 100.0))
			.withMessageStartingWith("lat ");
	}

}
