package io.flare.simulator.cli;

/**
 * The usage text.
 */
public final class Usage {

	/** What {@code --help} prints. */
	public static final String TEXT = """
			Usage: java -jar flare-simulator.jar [options]

			Streams realistic events (movies, sports, tickets, news) into Kafka or the
			Flare ingest API. One of --count, --duration or --forever is required.

			Destination
			  --sink kafka|http|discard    where events go (default kafka; discard encodes
			                               and drops, to measure the generator)
			  --bootstrap HOST:PORT[,...]  Kafka bootstrap servers (default 127.0.0.1:9092)
			  --topic NAME                 Kafka topic (default events)
			  --url URL                    ingest endpoint (default http://127.0.0.1:8081/v1/events)
			  --api-key KEY                sent as "Authorization: Bearer KEY" (http sink)
			  --in-flight N                batches posted before the first is answered, 1..64 (http sink; default 2)

			Amount and pace
			  --rate N                     events per second, 0 = as fast as possible (default 1000)
			  --count N                    stop after N events
			  --duration D                 stop after D: 500ms, 90s, 5m, 1h, 2d or PT2M
			  --forever                    run until interrupted (Ctrl-C); not with --count/--duration
			  --batch N                    events per batch, 1..100000 (default 500)

			Events
			  --seed N                     same seed, same events (default: random, printed at start)
			  --entities N                 entities across the four categories (default 10000)
			  --zipf S                     popularity skew exponent, 0..10 (default 1.1)
			  --late-fraction F            share of late events, 0..1 (default 0.02)
			  --max-lateness D             largest delay of a late event (default 2m)
			  --out-of-order-fraction F    share delivered behind newer events, 0..0.3 (default 0.05)
			  --duplicate-fraction F       share delivered again with the same eventId, 0..0.3
			                               (default 0.01)

			  -h, --help                   this text

			Progress goes to standard error every 5 seconds.
			Exit status: 0 when every event was acknowledged, 1 when some failed or the sink
			could not start, 2 for a wrong command line.
			""";

	private Usage() {
	}

}
