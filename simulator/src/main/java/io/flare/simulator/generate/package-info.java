/**
 * Deterministic, skewed and bursty event feeds with late, out-of-order and duplicate
 * delivery.
 */
@NullMarked
package io.flare.simulator.generate;

import org.jspecify.annotations.NullMarked;
