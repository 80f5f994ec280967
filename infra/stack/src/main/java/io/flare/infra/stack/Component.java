package io.flare.infra.stack;

import java.time.Duration;
import java.util.List;

/**
 * One process of the local stack.
 *
 * @param name short name, also the name of its log and PID files
 * @param endpoint where users reach it, for status output
 * @param launcher prepares the component (e.g. formats storage on first start) and
 * returns its command line
 * @param health when it is ready
 * @param startTimeout how long to wait for health before giving up
 * @param stopTimeout how long a clean stop may take before the process is killed
 */
public record Component(String name, String endpoint, Launcher launcher, HealthCheck health, Duration startTimeout,
		Duration stopTimeout) {

	/** Prepares a component and returns the command that runs it in the foreground. */
	@FunctionalInterface
	public interface Launcher {

		List<String> prepare();

	}

}
