/**
 * Heavy hitters: which entities take the largest share of each category's events over a
 * sliding window, from frequent-items sketches; exposed as an API and as gauges.
 */
@NullMarked
package io.flare.ingest.hotkeys;

import org.jspecify.annotations.NullMarked;
