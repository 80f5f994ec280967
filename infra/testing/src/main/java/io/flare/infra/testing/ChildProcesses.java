package io.flare.infra.testing;

import java.util.concurrent.TimeUnit;

/**
 * Stopping the services tests and benchmarks start as child processes.
 */
public final class ChildProcesses {

	private ChildProcesses() {
	}

	/**
	 * Asks the process to stop (SIGTERM: a Spring Boot service shuts down gracefully),
	 * then kills it after 30 s; safe to call on a process that already ended.
	 * @param process the process
	 */
	public static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
