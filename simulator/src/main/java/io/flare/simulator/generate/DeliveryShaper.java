package io.flare.simulator.generate;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Delivers fresh events imperfectly, as real sources do: some are held back behind newer
 * ones (out of order), some are delivered again later (retries, same eventId).
 */
final class DeliveryShaper {

	private static final int RECENT = 4096;

	private final EventFactory factory;

	private final SplittableRandom random;

	private final double holdChance;

	private final double duplicateChance;

	private final int window;

	private final PriorityQueue<Held> held = new PriorityQueue<>(
			Comparator.comparingLong(Held::releaseAt).thenComparingLong(Held::order));

	private final GeneratedEvent[] recent = new GeneratedEvent[RECENT];

	private long delivered;

	private long remembered;

	private long heldCount;

	DeliveryShaper(EventFactory factory, GeneratorProperties properties, SplittableRandom random) {
		this.factory = factory;
		this.random = random;
		this.window = properties.outOfOrderWindow();
		// chances per decision, chosen so that the fractions hold as shares of all
		// deliveries
		double outOfOrder = properties.outOfOrderFraction();
		double duplicate = properties.duplicateFraction();
		this.holdChance = outOfOrder / (1 - outOfOrder - duplicate);
		this.duplicateChance = duplicate / (1 - outOfOrder);
	}

	GeneratedEvent next() {
		Held due = this.held.peek();
		if (due != null && due.releaseAt() <= this.delivered) {
			this.held.poll();
			return remember(due.event());
		}
		long seen = Math.min(this.remembered, RECENT);
		if (seen > 0 && this.duplicateChance > 0 && this.random.nextDouble() < this.duplicateChance) {
			this.delivered++;
			return this.recent[this.random.nextInt((int) seen)];
		}
		GeneratedEvent event = this.factory.next();
		if (this.holdChance > 0 && this.random.nextDouble() < this.holdChance) {
			long releaseAt = this.delivered + 1 + this.random.nextInt(this.window);
			this.held.add(new Held(releaseAt, this.heldCount++, event));
			event = this.factory.next();
		}
		return remember(event);
	}

	private GeneratedEvent remember(GeneratedEvent event) {
		this.recent[(int) (this.remembered++ % RECENT)] = event;
		this.delivered++;
		return event;
	}

	private record Held(long releaseAt, long order, GeneratedEvent event) {

	}

}
