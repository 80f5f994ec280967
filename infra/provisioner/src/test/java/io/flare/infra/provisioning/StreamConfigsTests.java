package io.flare.infra.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamConfigsTests {

	private static final String CURRENT = "{\"ingestionConfig\":{\"streamIngestionConfig\":{\"streamConfigMaps\":"
			+ "[{\"stream.kafka.topic.name\":\"events\",\"stream.kafka.broker.list\":\"127.0.0.1:9092\"}]}}}";

	private static final String LEGACY = "{\"tableIndexConfig\":{\"streamConfigs\":"
			+ "{\"stream.kafka.topic.name\":\"events\",\"stream.kafka.broker.list\":\"127.0.0.1:9092\"}}}";

	@Test
	void shouldOverrideBrokersWhereverTheStreamConfigLives() {
		for (String text : new String[] { CURRENT, LEGACY }) {
			ObjectNode table = RepositoryConfigs.parse("t.json", text);
			ObjectNode sent = StreamConfigs.withKafka(table, "broker-1:9092", null);
			assertThat(StreamConfigs.of(sent)).singleElement()
				.satisfies((m) -> assertThat(m.path(StreamConfigs.BROKER_LIST).asText()).isEqualTo("broker-1:9092"));
			assertThat(StreamConfigs.topics(sent)).containsExactly("events");
		}
	}

	@Test
	void shouldLeaveTheFilesConfigUntouched() {
		ObjectNode table = RepositoryConfigs.parse("t.json", CURRENT);
		StreamConfigs.withKafka(table, "broker-1:9092", "x.KafkaConsumerFactory");
		assertThat(StreamConfigs.of(table).get(0).path(StreamConfigs.BROKER_LIST).asText()).isEqualTo("127.0.0.1:9092");
		assertThat(StreamConfigs.of(table).get(0).has(StreamConfigs.CONSUMER_FACTORY)).isFalse();
	}

	@Test
	void shouldReplaceTheConsumerFactoryOnlyWhenAsked() {
		ObjectNode table = RepositoryConfigs.parse("t.json", CURRENT);
		assertThat(StreamConfigs.of(StreamConfigs.withKafka(table, "b:9092", "x.KafkaConsumerFactory"))
			.get(0)
			.path(StreamConfigs.CONSUMER_FACTORY)
			.asText()).isEqualTo("x.KafkaConsumerFactory");
	}

}
