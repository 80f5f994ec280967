package io.flare.benchmarks.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JitWarmupTests {

	private static final long MS = 1_000_000;

	/** 1 s windows, quiet at ≤ 50 ms, 2 quiet windows, ≥ 10 requests, ≤ 20 s. */
	private static final JitWarmup.Settings SETTINGS = new JitWarmup.Settings(Duration.ofSeconds(1),
			Duration.ofMillis(50), 2, 10, Duration.ofSeconds(20));

	/** Each request takes 100 ms of the test's clock. */
	private long now;

	private long compiler;

	private final List<String> progress = new ArrayList<>();

	@Test
	void shouldStopOnceTheCompilerWasQuietForTheWindowsInARow() {
		// busy (200 ms per second) for the first 5 s, then 10 ms per second
		Map<String, Object> result = warmUp((i) -> (i < 50) ? 20 * MS : MS);
		assertThat(result).containsEntry("settled", true).containsEntry("requests", 70);
		assertThat(result.get("compilerMsLastWindow")).isEqualTo(10L);
		assertThat(result.get("compilerMs")).isEqualTo(50 * 20L + 20 * 1L);
		assertThat(result.get("seconds")).isEqualTo(7.0);
	}

	@Test
	void shouldNotCountAQuietWindowBetweenBusyOnesAsSettled() {
		// quiet in second 2 only, busy again in second 3, quiet from second 4 on
		Map<String, Object> result = warmUp((i) -> (i >= 10 && i < 20 || i >= 30) ? MS : 20 * MS);
		assertThat(result).containsEntry("settled", true).containsEntry("requests", 50);
	}

	@Test
	void shouldStopAtTheTimeLimitAndSaySoWhenTheCompilerNeverSettles() {
		Map<String, Object> result = warmUp((i) -> 20 * MS);
		assertThat(result).containsEntry("settled", false).containsEntry("requests", 200);
		assertThat(result.get("compilerMsLastWindow")).isEqualTo(200L);
		assertThat(this.progress).hasSize(3).allMatch((line) -> line.endsWith("compiler 200 ms in the last second"));
	}

	@Test
	void shouldSendTheMinimumEvenWhenTheCompilerIsQuietFromTheStart() {
		JitWarmup.Settings many = new JitWarmup.Settings(Duration.ofSeconds(1), Duration.ofMillis(50), 2, 45,
				Duration.ofSeconds(20));
		Map<String, Object> result = new JitWarmup(() -> this.compiler, () -> this.now, many)
			.run((i) -> this.now += 100 * MS, this.progress::add);
		assertThat(result).containsEntry("settled", true).containsEntry("requests", 50);
	}

	@Test
	void shouldSendTheMinimumAndSayItCouldNotTellWhereTheCompilerTimeIsUnknown() {
		Map<String, Object> result = new JitWarmup(() -> -1, () -> this.now, SETTINGS).run((i) -> this.now += MS,
				this.progress::add);
		assertThat(result).containsEntry("requests", 10)
			.containsEntry("settled", null)
			.containsEntry("compilerMs", -1L)
			.containsEntry("compilerMsLastWindow", -1L);
	}

	@Test
	void shouldScaleAWindowThatASlowRequestMadeLonger() {
		// one request of 4 s with 400 ms of compiling: 100 ms per second, not quiet
		JitWarmup.Settings one = new JitWarmup.Settings(Duration.ofSeconds(1), Duration.ofMillis(50), 1, 1,
				Duration.ofSeconds(20));
		Map<String, Object> result = new JitWarmup(() -> this.compiler, () -> this.now, one).run((i) -> {
			long took = (i == 0) ? 4_000 : 1_000;
			this.now += took * MS;
			this.compiler += (i == 0) ? 400 * MS : 10 * MS;
		}, this.progress::add);
		assertThat(result).containsEntry("settled", true).containsEntry("requests", 2);
		assertThat(result.get("compilerMsLastWindow")).isEqualTo(10L);
	}

	private Map<String, Object> warmUp(IntToLongFunction compilingDuring) {
		return new JitWarmup(() -> this.compiler, () -> this.now, SETTINGS).run((i) -> {
			this.now += 100 * MS;
			this.compiler += compilingDuring.applyAsLong(i);
		}, this.progress::add);
	}

}
