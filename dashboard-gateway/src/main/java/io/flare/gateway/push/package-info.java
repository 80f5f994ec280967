/**
 * The RSocket routes: queries, subscriptions, snapshots and diffs pushed to dashboards.
 */
@NullMarked
package io.flare.gateway.push;

import org.jspecify.annotations.NullMarked;
