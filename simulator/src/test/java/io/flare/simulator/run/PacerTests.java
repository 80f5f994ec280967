package io.flare.simulator.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final List<Long> parks = new ArrayList<>();

	@Test
	void shouldSpreadBatchesEvenlyAtTheTargetRate() {
		Pacer pacer = pacer(1000);
		long start = this.now.get();
		for (int i = 0; i < 10; i++) {
			pacer.acquire(100);
		}
		// the tenth batch of 100 is due 0.9 s after the first
		assertThat(this.now.get() - start).isEqualTo(900_000_000L);
		assertThat(this.parks).hasSize(9).containsOnly(100_000_000L);
	}

	@Test
	void shouldNeverWaitWithoutARate() {
		Pacer pacer = pacer(0);
		for (int i = 0; i < 1000; i++) {
			pacer.acquire(500);
		}
		assertThat(this.parks).isEmpty();
	}

	@Test
	void shouldStartAfreshInsteadOfBurstingAfterFallingBehind() {
		Pacer pacer = pacer(100);
		pacer.acquire(10);
		this.now.addAndGet(5_000_000_000L);
		pacer.acquire(10);
		pacer.acquire(10);
		assertThat(this.parks).containsExactly(100_000_000L);
	}

	private Pacer pacer(double rate) {
		return new Pacer(rate, this.now::get, (nanos) -> {
			this.parks.add(nanos);
			this.now.addAndGet(nanos);
		});
	}

}
