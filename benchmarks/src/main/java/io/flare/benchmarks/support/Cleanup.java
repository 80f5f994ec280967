package io.flare.benchmarks.support;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run created, undone in reverse order at the end; each step is retried a few
 * times (Pinot deletes a table asynchronously, and refuses to delete its schema until it
 * is gone) and a step that keeps failing is reported, not thrown.
 */
public final class Cleanup {

	private static final int ATTEMPTS = 5;

	private static final long RETRY_MILLIS = 3_000;

	private final Deque<Step> steps = new ArrayDeque<>();

	private final PrintStream out;

	public Cleanup(PrintStream out) {
		this.out = out;
	}

	/**
	 * Registers the undoing of something just created.
	 * @param what what is undone, for messages
	 * @param action the undoing
	 */
	public synchronized void add(String what, Runnable action) {
		this.steps.push(new Step(what, action));
	}

	/**
	 * What would be undone, most recent first.
	 * @return descriptions
	 */
	public synchronized String pending() {
		return String.join(", ", this.steps.stream().map(Step::what).toList());
	}

	/**
	 * Undoes everything registered, most recent first; safe to call again, and from a
	 * shutdown hook.
	 */
	public synchronized void run() {
		while (!this.steps.isEmpty()) {
			Step step = this.steps.pop();
			this.out.println("    removing " + step.what());
			attempt(step);
		}
	}

	private void attempt(Step step) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			try {
				step.action().run();
				return;
			}
			catch (RuntimeException ex) {
				if (attempt == ATTEMPTS) {
					this.out.println("    WARNING: could not remove " + step.what() + ": " + ex.getMessage());
					return;
				}
				sleep();
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(RETRY_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Step(String what, Runnable action) {
	}

}
