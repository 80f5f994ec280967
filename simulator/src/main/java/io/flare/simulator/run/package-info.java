/**
 * The send loop: batching, rate pacing, run limits and progress reporting.
 */
@NullMarked
package io.flare.simulator.run;

import org.jspecify.annotations.NullMarked;
