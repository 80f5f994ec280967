package io.flare.benchmarks.pinot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flare.benchmarks.support.MachineInfo;
import io.flare.benchmarks.support.ResultsWriter;
import io.flare.benchmarks.support.RunId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TableDesignResultsTests {

	private static final RunId RUN = new RunId(Instant.parse("2026-11-29T06:15:02Z"));

	@TempDir
	Path folder;

	@Test
	void shouldWriteAFailedRunWithWhatItMeasured() throws IOException {
		TableDesignResults results = results();
		results.produce(new EventLoader.ProduceResult(50_000, 20_000_000, 1.0, 50_000, 20.0, 1, 2));
		results.ingestion(Variant.STAR, new IngestionWatcher.IngestionResult(50_000, 1.5, 2.5, 20_000, 25_000,
				new SegmentsSnapshot(8, 8, 50_000)));
		results.finish(new BenchmarkException("plain table ingested 10 of 50,000 rows"));

		Path file = new ResultsWriter(this.folder).write(TableDesignBenchmark.NAME, RUN, results.asJson());

		assertThat(file.getFileName()).hasToString("table-design-20261129T061502Z.json");
		JsonNode json = new ObjectMapper().readTree(file.toFile());
		assertThat(json.path("status").asText()).isEqualTo("failed");
		assertThat(json.path("error").asText()).isEqualTo("plain table ingested 10 of 50,000 rows");
		assertThat(json.path("machine").path("cores").asInt()).isPositive();
		assertThat(json.at("/produce/eventsPerSecond").asLong()).isEqualTo(50_000);
		assertThat(json.at("/ingestion/star/segments/rowsInConsumingSegments").asLong()).isEqualTo(50_000);
		assertThat(json.has("queries")).isFalse();
		assertThat(json.path("targets")).hasSize(7);
		assertThat(json.at("/targets/0/met").asBoolean()).isFalse();
		assertThat(json.at("/targets/1/met").isNull()).isTrue();
	}

	@Test
	void shouldKeepThePhasesInOrder() {
		TableDesignResults results = results();
		results.stack(new TableDesignResults.Stack("0.11.0", "k:9092", "http://c", "http://b"));
		results.produce(new EventLoader.ProduceResult(1, 1, 1, 1, 1, 1, 1));
		results.finish(null);
		assertThat(results.asJson().keySet()).containsExactly("benchmark", "date", "runId", "machine", "command",
				"events", "options", "setup", "stack", "produce", "status", "targets");
	}

	private static TableDesignResults results() {
		TableDesignOptions options = TableDesignOptions.parse(List.of("--events", "50000"));
		return new TableDesignResults(RUN, MachineInfo.current(), "benchmarks/run table-design --events 50000", options,
				new TableDesignResults.Setup("bench-events-r", 8, Map.of("star", "bench_star_r"), "PT2H"));
	}

}
