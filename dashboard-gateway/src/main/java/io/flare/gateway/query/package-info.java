/**
 * Evaluating metrics through the query service's HTTP API (its compiler and cache).
 */
@NullMarked
package io.flare.gateway.query;

import org.jspecify.annotations.NullMarked;
