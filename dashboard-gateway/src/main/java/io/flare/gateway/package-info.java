/**
 * The Flare dashboard gateway, which pushes live metric results to subscribed dashboards
 * over RSocket.
 */
@NullMarked
package io.flare.gateway;

import org.jspecify.annotations.NullMarked;
