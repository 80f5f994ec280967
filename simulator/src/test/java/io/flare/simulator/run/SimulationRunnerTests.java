package io.flare.simulator.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.generate.GeneratorProperties;
import io.flare.simulator.generate.TestClocks;
import io.flare.simulator.sink.EventSink;
import io.flare.simulator.sink.SinkStats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulationRunnerTests {

	private final EventGenerator generator = new EventGenerator(GeneratorProperties.defaults(1), TestClocks.ticking(0));

	private final RecordingSink sink = new RecordingSink();

	@Test
	void shouldStopAtTheCountWithAShorterLastBatch() {
		SimulationRunner runner = new SimulationRunner(this.generator, this.sink, 0, new RunLimits(1234L, null, false),
				500);
		assertThat(runner.run()).isEqualTo(1234);
		assertThat(this.sink.batchSizes).containsExactly(500, 500, 234);
	}

	@Test
	void shouldStopWhenTheDurationIsOver() {
		AtomicLong now = new AtomicLong();
		SimulationRunner runner = new SimulationRunner(this.generator, this.sink, 0,
				new RunLimits(null, Duration.ofSeconds(1), false), 100, () -> now.getAndAdd(100_000_000L));
		// the clock moves 100 ms per reading: one at the start, one per batch
		assertThat(runner.run()).isEqualTo(this.sink.sent).isEqualTo(900);
	}

	@Test
	void shouldStopWhenAsked() {
		SimulationRunner runner = new SimulationRunner(this.generator, this.sink, 0, new RunLimits(null, null, true),
				10);
		this.sink.onSend = () -> {
			if (this.sink.sent >= 50) {
				runner.stop();
			}
		};
		assertThat(runner.run()).isEqualTo(50);
	}

	@Test
	void shouldShrinkBatchesAtLowRatesSoPacingStaysSmooth() {
		assertThat(SimulationRunner.effectiveBatchSize(500, 0)).isEqualTo(500);
		assertThat(SimulationRunner.effectiveBatchSize(500, 1000)).isEqualTo(50);
		assertThat(SimulationRunner.effectiveBatchSize(500, 5)).isEqualTo(1);
		assertThat(SimulationRunner.effectiveBatchSize(500, 1_000_000)).isEqualTo(500);
	}

	@Test
	void shouldRequireABoundUnlessForever() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RunLimits(null, null, false))
			.withMessage("a count or a duration is required unless forever");
		assertThatIllegalArgumentException().isThrownBy(() -> new RunLimits(10L, null, true))
			.withMessage("forever excludes a count or a duration");
		assertThat(new RunLimits(10L, Duration.ofSeconds(90), false).describe()).isEqualTo("count=10 duration=90.0s");
	}

	private static final class RecordingSink implements EventSink {

		final List<Integer> batchSizes = new ArrayList<>();

		long sent;

		Runnable onSend = () -> {
		};

		@Override
		public void send(List<GeneratedEvent> batch) {
			this.batchSizes.add(batch.size());
			this.sent += batch.size();
			this.onSend.run();
		}

		@Override
		public SinkStats stats() {
			return new SinkStats(this.sent, this.sent, 0, null);
		}

		@Override
		public void close() {
		}

	}

}
