/**
 * {@code benchmarks/run query}: the query service on the example metrics, uncached and
 * cached, against Pinot direct on the same SQL and against the same table without its
 * star-tree, and under sustained concurrent load.
 */
@NullMarked
package io.flare.benchmarks.query;

import org.jspecify.annotations.NullMarked;
