/**
 * The event contract's rules: reads batches, validates and normalises each event, derives
 * stable ids and writes the normalised JSON that Kafka and Pinot carry.
 */
@NullMarked
package io.flare.ingest.validation;

import org.jspecify.annotations.NullMarked;
