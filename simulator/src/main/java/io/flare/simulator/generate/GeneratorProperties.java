package io.flare.simulator.generate;

import java.time.Duration;

/**
 * How the event generator behaves.
 *
 * @param seed the seed: the same seed and clock give the same events
 * @param entityCount entities across all categories (split evenly between them)
 * @param zipfExponent skew of entity popularity; 0 would be uniform, ~1.1 is typical
 * @param lateFraction share of events whose event time lies in the past
 * @param maxLateness the largest delay of a late event
 * @param outOfOrderFraction share of events delivered after newer ones (0 to 0.3)
 * @param outOfOrderWindow how many deliveries an out-of-order event is held back, at most
 * @param duplicateFraction share of deliveries that repeat an earlier event (same
 * eventId; 0 to 0.3)
 */
public record GeneratorProperties(long seed, int entityCount, double zipfExponent, double lateFraction,
		Duration maxLateness, double outOfOrderFraction, int outOfOrderWindow, double duplicateFraction) {

	/** Entity count when none is given. */
	public static final int DEFAULT_ENTITY_COUNT = 10_000;

	/** Zipf exponent when none is given. */
	public static final double DEFAULT_ZIPF_EXPONENT = 1.1;

	/** Largest lateness when none is given. */
	public static final Duration DEFAULT_MAX_LATENESS = Duration.ofMinutes(2);

	/** Out-of-order hold-back window when none is given. */
	public static final int DEFAULT_OUT_OF_ORDER_WINDOW = 32;

	private static final int MAX_ENTITIES = 4_000_000;

	private static final double MAX_DELIVERY_FRACTION = 0.3;

	public GeneratorProperties {
		if (entityCount < EventFactory.CATEGORY_COUNT || entityCount > MAX_ENTITIES) {
			throw new IllegalArgumentException("entityCount must be between " + EventFactory.CATEGORY_COUNT + " and "
					+ MAX_ENTITIES + ", was " + entityCount);
		}
		if (!(zipfExponent >= 0 && zipfExponent <= 10)) {
			throw new IllegalArgumentException("zipfExponent must be between 0 and 10, was " + zipfExponent);
		}
		requireFraction("lateFraction", lateFraction, 1);
		requireFraction("outOfOrderFraction", outOfOrderFraction, MAX_DELIVERY_FRACTION);
		requireFraction("duplicateFraction", duplicateFraction, MAX_DELIVERY_FRACTION);
		if (maxLateness == null || maxLateness.toMillis() < 1 || maxLateness.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("maxLateness must be between 1ms and 1d, was " + maxLateness);
		}
		if (outOfOrderWindow < 1 || outOfOrderWindow > 10_000) {
			throw new IllegalArgumentException("outOfOrderWindow must be between 1 and 10000, was " + outOfOrderWindow);
		}
	}

	/**
	 * Defaults for a seed: 10,000 entities, Zipf 1.1, 2% late (up to 2 minutes), 5% out
	 * of order, 1% duplicates.
	 * @param seed the seed
	 * @return the properties
	 */
	public static GeneratorProperties defaults(long seed) {
		return new GeneratorProperties(seed, DEFAULT_ENTITY_COUNT, DEFAULT_ZIPF_EXPONENT, 0.02, DEFAULT_MAX_LATENESS,
				0.05, DEFAULT_OUT_OF_ORDER_WINDOW, 0.01);
	}

	/**
	 * Copy with other delivery fractions.
	 * @param late share of late events
	 * @param outOfOrder share of out-of-order events
	 * @param duplicate share of duplicate deliveries
	 * @return the copy
	 */
	public GeneratorProperties withFractions(double late, double outOfOrder, double duplicate) {
		return new GeneratorProperties(this.seed, this.entityCount, this.zipfExponent, late, this.maxLateness,
				outOfOrder, this.outOfOrderWindow, duplicate);
	}

	private static void requireFraction(String name, double value, double max) {
		if (!(value >= 0 && value <= max)) {
			throw new IllegalArgumentException(name + " must be between 0 and " + max + ", was " + value);
		}
	}

}
