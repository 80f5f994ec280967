/**
 * The table-design benchmark: the repository's star-tree table against the same table
 * without it, on the same events, for ingestion rate, query latency and freshness.
 */
@NullMarked
package io.flare.benchmarks.pinot;

import org.jspecify.annotations.NullMarked;
