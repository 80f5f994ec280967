package io.flare.simulator.generate;

/**
 * The one burst a feed may have running: a live match, a ticket drop, a viral story, an
 * opening weekend. Steps run from 0 (the opening event) to length - 1 (the closing one).
 */
final class Burst {

	private int entity = -1;

	private int length;

	private int step;

	private long tally;

	boolean active() {
		return this.entity >= 0;
	}

	void start(int entity, int length) {
		this.entity = entity;
		this.length = length;
		this.step = 0;
		this.tally = 0;
	}

	int entity() {
		return this.entity;
	}

	boolean opening() {
		return this.step == 0;
	}

	boolean closing() {
		return this.step == this.length - 1;
	}

	/** How far the burst has come, 0 at the opening event and 1 at the closing one. */
	double progress() {
		return (double) this.step / (this.length - 1);
	}

	/** A running total kept by the feed: goals scored, tickets sold. */
	long tally() {
		return this.tally;
	}

	void addToTally(long amount) {
		this.tally += amount;
	}

	void advance() {
		this.step++;
		if (this.step >= this.length) {
			this.entity = -1;
		}
	}

}
