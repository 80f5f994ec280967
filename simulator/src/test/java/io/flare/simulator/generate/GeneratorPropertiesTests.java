package io.flare.simulator.generate;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GeneratorPropertiesTests {

	@Test
	void shouldDefaultToTenThousandEntitiesAndSmallDeliveryFractions() {
		GeneratorProperties defaults = GeneratorProperties.defaults(1);
		assertThat(defaults.entityCount()).isEqualTo(10_000);
		assertThat(defaults.zipfExponent()).isEqualTo(1.1);
		assertThat(defaults.maxLateness()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void shouldNameTheFieldWhenAFractionIsOutOfRange() {
		GeneratorProperties defaults = GeneratorProperties.defaults(1);
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withFractions(1.5, 0, 0))
			.withMessage("lateFraction must be between 0 and 1.0, was 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withFractions(0, 0.5, 0))
			.withMessage("outOfOrderFraction must be between 0 and 0.3, was 0.5");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withFractions(0, 0, -0.1))
			.withMessage("duplicateFraction must be between 0 and 0.3, was -0.1");
	}

	@Test
	void shouldRejectTooFewEntities() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GeneratorProperties(1, 3, 1.1, 0, Duration.ofMinutes(1), 0, 32, 0))
			.withMessage("entityCount must be between 4 and 4000000, was 3");
	}

}
