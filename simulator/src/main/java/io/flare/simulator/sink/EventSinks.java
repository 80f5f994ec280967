package io.flare.simulator.sink;

/**
 * Creates the sinks.
 */
public final class EventSinks {

	private EventSinks() {
	}

	/**
	 * A sink producing to Kafka.
	 * @param properties where to send
	 * @return the sink
	 * @throws SinkException when the producer cannot be created
	 */
	public static EventSink kafka(KafkaSinkProperties properties) {
		return KafkaEventSink.create(properties);
	}

	/**
	 * A sink posting NDJSON batches to the ingest API.
	 * @param properties where and how to post
	 * @return the sink
	 */
	public static EventSink http(HttpSinkProperties properties) {
		return HttpEventSink.create(properties);
	}

	/**
	 * A sink that encodes and drops every batch.
	 * @return the sink
	 */
	public static EventSink discard() {
		return new DiscardEventSink();
	}

}
