package io.flare.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time a JVM's JIT compiler threads have used, read from Linux's {@code /proc}. On a
 * machine of two cores a compiler thread at work takes one of them: a request timed
 * meanwhile waits for a core, so a latency measurement should start once the measured
 * service's compiler has settled, and say how long it compiled during the measurement.
 *
 * <p>
 * HotSpot names its compiler threads {@code C1 CompilerThread0}, {@code C2
 * CompilerThread0}, ... ({@code comm} keeps the first 15 characters) and may stop and
 * start them as the compile queue grows and shrinks; the time of a thread that stopped is
 * kept, so the total never goes back.
 */
public final class CompilerThreads {

	private static final Pattern COMPILER = Pattern.compile("C[12] CompilerThre.*");

	private final Path tasks;

	private final Map<String, Long> nanosByThread = new HashMap<>();

	CompilerThreads(Path tasks) {
		this.tasks = tasks;
	}

	/**
	 * @param pid a running JVM's process id
	 * @return its compiler threads
	 */
	public static CompilerThreads of(long pid) {
		return new CompilerThreads(Path.of("/proc", Long.toString(pid), "task"));
	}

	/** This JVM's compiler threads. */
	public static CompilerThreads self() {
		return of(ProcessHandle.current().pid());
	}

	/**
	 * Nanoseconds the compiler threads have run since the JVM started (as far as seen by
	 * this object: threads that came and went between two calls are missed).
	 * @return the total, or -1 where {@code /proc} cannot tell (not Linux, the process
	 * gone)
	 */
	public synchronized long cpuNanos() {
		try (Stream<Path> threads = Files.list(this.tasks)) {
			for (Path thread : (Iterable<Path>) threads::iterator) {
				read(thread);
			}
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		return this.nanosByThread.values().stream().mapToLong(Long::longValue).sum();
	}

	private void read(Path thread) {
		try {
			if (!COMPILER.matcher(Files.readString(thread.resolve("comm")).strip()).matches()) {
				return;
			}
			// schedstat: time on a CPU (ns), time waiting for one (ns), timeslices
			String schedstat = Files.readString(thread.resolve("schedstat")).strip();
			long onCpu = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
			this.nanosByThread.merge(thread.getFileName().toString(), onCpu, Math::max);
		}
		catch (IOException ex) {
			// the thread ended between listing and reading: its last reading stays
		}
	}

}
