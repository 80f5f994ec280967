/**
 * What the dashboard page starts with: on the local platform, a token to connect with and
 * the panels to open.
 */
@NullMarked
package io.flare.gateway.page;

import org.jspecify.annotations.NullMarked;
