package io.flare.benchmarks.pinot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.flare.benchmarks.support.UsageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TableDesignOptionsTests {

	@Test
	void shouldDefaultToTheIssuesRun() {
		TableDesignOptions options = TableDesignOptions.parse(List.of());
		assertThat(options).isEqualTo(new TableDesignOptions(5_000_000, 200, 20, List.of(Variant.STAR, Variant.PLAIN),
				false, 5_000, 100, Duration.ofMinutes(30), 42, Duration.ofMinutes(8), Optional.empty()));
		assertThat(options.compares()).isTrue();
	}

	@Test
	void shouldReadASmallRun() {
		TableDesignOptions options = TableDesignOptions.parse(List.of("--events", "50000", "--queries", "20",
				"--variants", "plain", "--keep", "--ingest-timeout", "5m", "--freshness-load", "0"));
		assertThat(options.events()).isEqualTo(50_000);
		assertThat(options.queries()).isEqualTo(20);
		assertThat(options.variants()).containsExactly(Variant.PLAIN);
		assertThat(options.keep()).isTrue();
		assertThat(options.ingestTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(options.freshnessLoad()).isZero();
		assertThat(options.compares()).isFalse();
	}

	@Test
	void shouldRejectUnknownVariantsNamingThem() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> TableDesignOptions.parse(List.of("--variants", "star,bitmap")))
			.withMessage("Unknown variant 'bitmap'; known: star, plain");
	}

	@Test
	void shouldDescribeOptionsForTheResultsFile() {
		assertThat(TableDesignOptions.parse(List.of("--variants", "plain,star")).describe())
			.containsEntry("variants", List.of("plain", "star"))
			.containsEntry("ingestTimeout", "PT30M")
			.containsEntry("events", 5_000_000L);
	}

	@Test
	void shouldNameVariantTables() {
		assertThat(Variant.STAR.tableName("20261129t061502")).isEqualTo("bench_star_20261129t061502");
		assertThat(Variant.PLAIN.tableName("20261129t061502")).isEqualTo("bench_plain_20261129t061502");
	}

	@Test
	void shouldSkipTheSettledRoundWhenTheSettleTimeoutIsZero() {
		assertThat(TableDesignOptions.parse(List.of("--settle-timeout", "0")).settleTimeout()).isZero();
		assertThat(TableDesignOptions.parse(List.of("--settle-timeout", "6m")).settleTimeout())
			.isEqualTo(Duration.ofMinutes(6));
	}

}
