package io.flare.benchmarks.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RequestMixTests {

	@Test
	void shouldAskForEveryMetricAlikeAndEveryParameterSetOfIt() {
		RequestMix mix = new RequestMix(
				Map.of("a", List.of(Map.of()), "b", List.of(Map.of("c", "x"), Map.of("c", "y"), Map.of("c", "z"))));
		Map<RequestMix.Request, Integer> counts = new HashMap<>();
		SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < 60_000; i++) {
			counts.merge(mix.next(random), 1, Integer::sum);
		}
		assertThat(mix.distinct()).isEqualTo(4);
		assertThat(counts).hasSize(4);
		assertThat(counts.get(new RequestMix.Request("a", Map.of()))).isBetween(29_000, 31_000);
		assertThat(counts.get(new RequestMix.Request("b", Map.of("c", "y")))).isBetween(9_500, 10_500);
	}

	@Test
	void shouldRefuseAMetricWithoutParameterSets() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestMix(Map.of("a", List.of())));
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestMix(Map.of()));
	}

}
