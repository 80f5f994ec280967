package io.flare.gateway.it;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.BaseSubscriber;

import io.flare.gateway.push.DiffApplier;
import io.flare.gateway.push.Update;

/**
 * One subscriber's view of a count subscription: every message with its arrival time,
 * applied to the result it holds; it requests {@code demand} messages at first and more
 * only when asked to.
 */
final class Recorder extends BaseSubscriber<Update> {

	private final long demand;

	private final DiffApplier client = new DiffApplier();

	private final List<Update> updates = new ArrayList<>();

	private final List<Arrival> arrivals = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	Recorder(long demand) {
		this.demand = demand;
	}

	static Recorder unbounded() {
		return new Recorder(Long.MAX_VALUE);
	}

	@Override
	protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
		request(this.demand);
	}

	@Override
	protected synchronized void hookOnNext(Update update) {
		long now = System.currentTimeMillis();
		try {
			this.client.apply(update);
		}
		catch (IllegalStateException ex) {
			this.problems.add(ex.getMessage());
		}
		this.updates.add(update);
		this.arrivals.add(new Arrival(now, DiffApplier.total(this.client.result())));
	}

	@Override
	protected synchronized void hookOnError(Throwable error) {
		this.problems.add("stream failed: " + error);
	}

	synchronized List<Update> updates() {
		return List.copyOf(this.updates);
	}

	synchronized List<String> problems() {
		return List.copyOf(this.problems);
	}

	synchronized double total() {
		return DiffApplier.total(this.client.result());
	}

	synchronized long seq() {
		return this.client.seq();
	}

	synchronized DiffApplier client() {
		return this.client;
	}

	/**
	 * When the result held first counted at least {@code total}.
	 * @param total the count
	 * @return epoch milliseconds, or {@code -1} when it never did
	 */
	synchronized long firstReached(double total) {
		for (Arrival arrival : this.arrivals) {
			if (arrival.total() >= total) {
				return arrival.at();
			}
		}
		return -1;
	}

	private record Arrival(long at, double total) {

	}

}
