/**
 * Publishing to Kafka: the {@link io.flare.ingest.publish.EventPublisher} port, its Kafka
 * adapter, and the relay from the raw topic. The only package that imports
 * {@code org.apache.kafka}.
 */
@NullMarked
package io.flare.ingest.publish;

import org.jspecify.annotations.NullMarked;
