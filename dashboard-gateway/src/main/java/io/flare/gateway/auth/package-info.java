/**
 * Dashboard tokens: which metrics a connection may query or subscribe to.
 */
@NullMarked
package io.flare.gateway.auth;

import org.jspecify.annotations.NullMarked;
