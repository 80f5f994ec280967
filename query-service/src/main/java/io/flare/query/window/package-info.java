/**
 * Watermarks, late data and ingestion freshness: which buckets are final.
 */
@NullMarked
package io.flare.query.window;

import org.jspecify.annotations.NullMarked;
