package io.flare.benchmarks.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flare.benchmarks.pinot.PinotController;
import io.flare.infra.stack.StackProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTableTests {

	private final PlainTable plain = new PlainTable(new PinotController("http://127.0.0.1:1"),
			StackProperties.locateRoot(), "20261129t150000", "127.0.0.1:9092");

	@Test
	void shouldBeTheEventsTableWithoutStarTreesOrDedupUnderTheRunsName() {
		ObjectNode config = this.plain.plainConfig();
		assertThat(config.path("tableName").asText()).isEqualTo("bench_qplain_20261129t150000");
		assertThat(config.path("tableIndexConfig").has("starTreeIndexConfigs")).isFalse();
		assertThat(config.has("dedupConfig")).as("its keys would double Pinot's dedup heap").isFalse();
		assertThat(config.path("tableIndexConfig").path("invertedIndexColumns")).isNotEmpty();
		assertThat(config.path("ingestionConfig").path("transformConfigs")).isNotEmpty();
	}

}
