package io.flare.infra.provisioning;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The Kafka stream configs of a REALTIME table config, wherever the file keeps them: in
 * {@code ingestionConfig.streamIngestionConfig.streamConfigMaps} (current) or
 * {@code tableIndexConfig.streamConfigs} (legacy).
 */
final class StreamConfigs {

	static final String TOPIC = "stream.kafka.topic.name";

	static final String BROKER_LIST = "stream.kafka.broker.list";

	static final String CONSUMER_FACTORY = "stream.kafka.consumer.factory.class.name";

	static final String CONSUMER_TYPE = "stream.kafka.consumer.type";

	private StreamConfigs() {
	}

	static List<ObjectNode> of(JsonNode tableConfig) {
		List<ObjectNode> maps = new ArrayList<>();
		Json.at(tableConfig, "ingestionConfig", "streamIngestionConfig", "streamConfigMaps").forEach((map) -> {
			if (map instanceof ObjectNode object) {
				maps.add(object);
			}
		});
		if (Json.at(tableConfig, "tableIndexConfig", "streamConfigs") instanceof ObjectNode legacy) {
			maps.add(legacy);
		}
		return maps;
	}

	static List<String> topics(JsonNode tableConfig) {
		return of(tableConfig).stream().map((map) -> map.path(TOPIC).asText("")).filter((t) -> !t.isEmpty()).toList();
	}

	/**
	 * A copy of the table config that consumes from the given brokers (and through the
	 * given consumer factory).
	 * @param tableConfig the file's config, left untouched
	 * @param bootstrap the Kafka bootstrap servers
	 * @param consumerFactoryClass a replacement consumer factory, or null to keep the
	 * file's
	 * @return the config to send to the controller
	 */
	static ObjectNode withKafka(ObjectNode tableConfig, String bootstrap, @Nullable String consumerFactoryClass) {
		ObjectNode copy = tableConfig.deepCopy();
		for (ObjectNode map : of(copy)) {
			map.put(BROKER_LIST, bootstrap);
			if (consumerFactoryClass != null) {
				map.put(CONSUMER_FACTORY, consumerFactoryClass);
			}
		}
		return copy;
	}

}
