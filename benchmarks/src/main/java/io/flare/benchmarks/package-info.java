/**
 * The benchmarks' command line: picks a benchmark by name and runs it.
 */
@NullMarked
package io.flare.benchmarks;

import org.jspecify.annotations.NullMarked;
