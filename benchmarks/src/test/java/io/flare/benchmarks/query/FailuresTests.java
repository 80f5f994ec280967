package io.flare.benchmarks.query;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

	@Test
	void shouldCountPerModeKeepTheFirstMessagesAndRunTheHookOnce() {
		AtomicInteger dumps = new AtomicInteger();
		Failures failures = new Failures(dumps::incrementAndGet);
		failures.record("uncached.star", "timed out");
		failures.record("uncached.star", "timed out again");
		failures.record("cached", "503");
		failures.record("cached", "503 again");
		assertThat(dumps).hasValue(1);
		assertThat(failures.count("uncached.star")).isEqualTo(2);
		assertThat(failures.count("pinotDirect.star")).isZero();
		assertThat(failures.counts()).containsEntry("cached", 2).hasSize(2);
		assertThat(failures.samples()).containsExactly("uncached.star: timed out", "uncached.star: timed out again",
				"cached: 503");
	}

}
