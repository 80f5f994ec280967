/**
 * The change tracker: follows the events topic and says which subscriptions an event can
 * affect.
 */
@NullMarked
package io.flare.gateway.changes;

import org.jspecify.annotations.NullMarked;
