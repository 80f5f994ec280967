package io.flare.simulator.generate;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates realistic events from four feeds (movies, sports, tickets, news): entities
 * with Zipf popularity, bursts (live matches, ticket drops, viral stories, opening
 * weekends), real cities, and imperfect delivery (late, out-of-order, duplicate).
 * <p>
 * The same properties and the same clock readings give the same events. Not thread-safe:
 * use one generator per thread, with different seeds.
 */
public final class EventGenerator {

	private final DeliveryShaper delivery;

	public EventGenerator(GeneratorProperties properties, InstantSource clock) {
		SplittableRandom random = new SplittableRandom(properties.seed());
		EventFactory factory = new EventFactory(properties, clock, random.split());
		this.delivery = new DeliveryShaper(factory, properties, random.split());
	}

	/**
	 * The next event to deliver.
	 * @return the event
	 */
	public GeneratedEvent next() {
		return this.delivery.next();
	}

	/**
	 * The next events to deliver, in delivery order.
	 * @param count how many
	 * @return a new mutable list of {@code count} events
	 */
	public List<GeneratedEvent> next(int count) {
		List<GeneratedEvent> batch = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			batch.add(this.delivery.next());
		}
		return batch;
	}

}
