package io.flare.query.it;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints every thread's stack when a call to the service (which runs in the test's JVM)
 * takes longer than it ever should, so a rare stall in CI leaves its cause in the log.
 */
final class SlowCallWatchdog {

	private static final Duration THRESHOLD = Duration.ofSeconds(10);

	private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "slow-call-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private SlowCallWatchdog() {
	}

	static <T> T watch(String call, Supplier<T> body) {
		ScheduledFuture<?> dump = TIMER.schedule(() -> dump(call), THRESHOLD.toMillis(), TimeUnit.MILLISECONDS);
		try {
			return body.get();
		}
		finally {
			dump.cancel(false);
		}
	}

	private static void dump(String call) {
		StringBuilder out = new StringBuilder("\n=== " + call + " has taken over " + THRESHOLD.toSeconds()
				+ " s; every thread of the test JVM (the service runs in it):\n");
		for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
			Thread thread = entry.getKey();
			out.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
			for (StackTraceElement frame : entry.getValue()) {
				out.append("    at ").append(frame).append('\n');
			}
		}
		System.err.println(out.append("=== end of thread dump\n"));
	}

}
