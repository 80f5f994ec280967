package io.flare.gateway.transport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The RSocket transports' settings.
 *
 * @param tcpPort the port of RSocket over TCP, for services: {@code -1} disables it,
 * {@code 0} picks a free port
 * @param tcpAddress the address it binds (empty: every interface)
 * @param maxRequestSize the largest request payload (data and metadata) a route accepts;
 * a larger one gets an error on that stream
 */
@ConfigurationProperties("flare.gateway")
public record TransportProperties(@DefaultValue("7000") int tcpPort, @DefaultValue("") String tcpAddress,
		@DefaultValue("16KB") DataSize maxRequestSize) {

}
