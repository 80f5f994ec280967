package io.flare.benchmarks.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.netty.client.WebsocketClientTransport;
import io.rsocket.util.DefaultPayload;
import reactor.core.Disposable;

import io.flare.benchmarks.pinot.BenchmarkException;

/**
 * One RSocket-over-WebSocket connection to the dashboard gateway, as a dashboard opens
 * it: the token in the SETUP frame's JSON data, routes in composite metadata, JSON data.
 * One connection carries many subscriptions (request-streams).
 */
final class GatewayConnection implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final byte[] SUBSCRIBE = route("metrics.subscribe");

	private final RSocket rsocket;

	private GatewayConnection(RSocket rsocket) {
		this.rsocket = rsocket;
	}

	/**
	 * Connects and authenticates.
	 * @param gateway {@code ws://host:port/rsocket}
	 * @param token the dashboard token
	 * @return the open connection
	 */
	static GatewayConnection open(URI gateway, String token) {
		String setup;
		try {
			setup = JSON.writeValueAsString(Map.of("token", token));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
		RSocket rsocket = RSocketConnector.create()
			.dataMimeType("application/json")
			.metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
			.setupPayload(DefaultPayload.create(setup))
			.connect(WebsocketClientTransport.create(gateway))
			.block(Duration.ofSeconds(30));
		if (rsocket == null) {
			throw new BenchmarkException("No connection to " + gateway);
		}
		return new GatewayConnection(rsocket);
	}

	/**
	 * Subscribes to a metric ({@code metrics.subscribe}), asking for every message.
	 * @param metric the metric's name
	 * @param params its parameters
	 * @param onMessage each message's JSON text, on a Netty thread
	 * @param onError the stream's error, if it fails
	 * @return cancels the subscription
	 */
	Disposable subscribe(String metric, Map<String, String> params, Consumer<String> onMessage,
			Consumer<Throwable> onError) {
		byte[] data;
		try {
			data = JSON.writeValueAsBytes(Map.of("metric", metric, "params", params));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
		return this.rsocket.requestStream(DefaultPayload.create(data, SUBSCRIBE)).subscribe((payload) -> {
			String text = payload.getDataUtf8();
			payload.release();
			onMessage.accept(text);
		}, onError);
	}

	boolean isOpen() {
		return !this.rsocket.isDisposed();
	}

	@Override
	public void close() {
		this.rsocket.dispose();
	}

	private static byte[] route(String route) {
		ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
		CompositeByteBuf metadata = allocator.compositeBuffer();
		ByteBuf routing = TaggingMetadataCodec.createRoutingMetadata(allocator, List.of(route)).getContent();
		CompositeMetadataCodec.encodeAndAddMetadata(metadata, allocator, WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
				routing);
		try {
			return ByteBufUtil.getBytes(metadata);
		}
		finally {
			metadata.release();
		}
	}

}
