package io.flare.gateway.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.rsocket.netty.NettyRSocketServerFactory;
import org.springframework.boot.rsocket.server.RSocketServer.Transport;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransportProperties.class)
class TransportConfiguration {

	@Bean
	RequestSizeLimit requestSizeLimit(TransportProperties properties) {
		return new RequestSizeLimit(Math.toIntExact(properties.maxRequestSize().toBytes()));
	}

	@Bean
	TcpRSocketServer tcpRSocketServer(TransportProperties properties, RSocketMessageHandler handler,
			ObjectProvider<RSocketServerCustomizer> customizers) throws UnknownHostException {
		if (properties.tcpPort() < 0) {
			return new TcpRSocketServer(null);
		}
		NettyRSocketServerFactory factory = new NettyRSocketServerFactory();
		factory.setTransport(Transport.TCP);
		factory.setPort(properties.tcpPort());
		if (!properties.tcpAddress().isBlank()) {
			factory.setAddress(InetAddress.getByName(properties.tcpAddress()));
		}
		factory.setRSocketServerCustomizers(List.copyOf(customizers.orderedStream().toList()));
		return new TcpRSocketServer(factory.create(handler.responder()));
	}

}
