package io.flare.simulator.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Ticket sales: drop, sale, soldout. A drop is a burst: the tickets go on sale, sales
 * spike, and the show sells out.
 */
final class TicketFeed extends BurstingFeed {

	private static final List<String> TIERS = List.of("general", "floor", "balcony", "vip");

	private static final List<String> CHANNELS = List.of("web", "app", "box-office");

	private final Weighted<String> types = new Weighted<>(List.of("drop", "sale", "soldout"), 1, 14, 0.5);

	TicketFeed(int size, double zipfExponent, Weighted<GeneratedLocation> cities, SplittableRandom random) {
		super("tickets", new EntityPool("show", size, zipfExponent, cities, random),
				new Weighted<>(List.of("gatepass", "seatdrop-exchange"), 0.55, 0.45), cities,
				new BurstShape(0.002, 0.6, 100, 1500));
	}

	@Override
	Draft burstEvent(SplittableRandom random, Burst drop) {
		int show = drop.entity();
		if (drop.opening()) {
			return event(random, "drop", show, price(show));
		}
		if (drop.closing()) {
			return event(random, "soldout", show, drop.tally());
		}
		int quantity = 1 + random.nextInt(4);
		drop.addToTally(quantity);
		return event(random, "sale", show, cents(price(show) * quantity));
	}

	@Override
	Draft backgroundEvent(SplittableRandom random, int show) {
		String type = this.types.pick(random);
		double value = switch (type) {
			case "sale" -> cents(price(show) * (1 + random.nextInt(4)));
			case "soldout" -> 500 + random.nextInt(20_000);
			default -> price(show);
		};
		return event(random, type, show, value);
	}

	private Draft event(SplittableRandom random, String type, int show, double value) {
		return atHome(random, type, show, value, Attributes.of("tier", TIERS.get(random.nextInt(TIERS.size())),
				"channel", CHANNELS.get(random.nextInt(CHANNELS.size()))));
	}

	/** Face value of one ticket, fixed per show. */
	private static double price(int show) {
		return 19.5 + (show * 7919L % 280);
	}

}
