package io.flare.query.api;

import io.flare.query.cache.ResultCache.Freshness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MetricControllerTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			null                          | CACHED
			''                            | CACHED
			max-age=60                    | CACHED
			no-cache                      | FRESH
			No-Cache                      | FRESH
			'private, no-cache'           | FRESH
			' max-age=0 '                 | FRESH
			no-store                      | FRESH
			'no-cachex, max-age=00'       | CACHED
			""")
	void shouldAskForWhatPinotHoldsNowOnlyWhenCacheControlSaysSo(String cacheControl, Freshness expected) {
		assertThat(MetricController.freshness(cacheControl)).isEqualTo(expected);
	}

}
