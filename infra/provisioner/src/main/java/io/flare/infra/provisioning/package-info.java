/**
 * Applies the repository's Kafka topics, Pinot schemas and Pinot table configs to a
 * running cluster, idempotently.
 */
@NullMarked
package io.flare.infra.provisioning;

import org.jspecify.annotations.NullMarked;
