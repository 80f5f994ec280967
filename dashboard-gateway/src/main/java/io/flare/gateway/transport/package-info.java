/**
 * The RSocket transports: WebSocket on the HTTP port for browsers (Spring Boot's), TCP on
 * a port of its own for services, and the limits both apply to requests.
 */
@NullMarked
package io.flare.gateway.transport;

import org.jspecify.annotations.NullMarked;
