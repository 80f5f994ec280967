/**
 * Bucket-aligned result caching and coalescing of identical concurrent queries.
 */
@NullMarked
package io.flare.query.cache;

import org.jspecify.annotations.NullMarked;
