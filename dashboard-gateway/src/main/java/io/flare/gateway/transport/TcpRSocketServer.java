package io.flare.gateway.transport;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.rsocket.netty.NettyRSocketServer;
import org.springframework.context.SmartLifecycle;

/**
 * RSocket over TCP, for services: the same routes, setup and limits as over WebSocket.
 */
public final class TcpRSocketServer implements SmartLifecycle {

	private final @Nullable NettyRSocketServer server;

	private volatile boolean running;

	TcpRSocketServer(@Nullable NettyRSocketServer server) {
		this.server = server;
	}

	@Override
	public void start() {
		if (this.server != null) {
			this.server.start();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		if (this.server != null) {
			this.server.stop();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * The port it listens on.
	 * @return the port, or {@code -1} when TCP is disabled
	 */
	public int port() {
		InetSocketAddress address = (this.server != null) ? this.server.address() : null;
		return (address != null) ? address.getPort() : -1;
	}

}
