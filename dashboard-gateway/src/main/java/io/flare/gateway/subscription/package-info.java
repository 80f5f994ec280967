/**
 * Live subscriptions: one shared, change-driven evaluation per distinct metric and
 * parameters.
 */
@NullMarked
package io.flare.gateway.subscription;

import org.jspecify.annotations.NullMarked;
