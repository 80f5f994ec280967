package io.flare.simulator.sink;

import java.time.Duration;

/**
 * Waits between attempts; tests replace it so they never wait.
 */
@FunctionalInterface
interface Sleeper {

	void sleep(Duration duration) throws InterruptedException;

}
