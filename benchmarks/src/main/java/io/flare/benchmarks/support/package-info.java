/**
 * What every benchmark shares: percentiles, progress lines, run ids, machine facts and
 * the JSON results writer.
 */
@NullMarked
package io.flare.benchmarks.support;

import org.jspecify.annotations.NullMarked;
