/**
 * Evaluates a metric: compile, use cached final buckets, query the live edge, combine.
 */
@NullMarked
package io.flare.query.evaluate;

import org.jspecify.annotations.NullMarked;
