/**
 * The only package that talks to Kafka: the end offsets of the events topic.
 */
@NullMarked
package io.flare.query.kafka;

import org.jspecify.annotations.NullMarked;
