package io.flare.gateway.transport;

import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketServer;
import io.rsocket.util.RSocketProxy;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.rsocket.server.RSocketServerCustomizer;

/**
 * Refuses a request whose payload is larger than the limit with an error on its stream,
 * before anything decodes it; the connection goes on.
 */
final class RequestSizeLimit implements RSocketServerCustomizer {

	private final int maxBytes;

	RequestSizeLimit(int maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	public void customize(RSocketServer server) {
		server.interceptors((registry) -> registry.forResponder(Guarded::new));
	}

	private final class Guarded extends RSocketProxy {

		Guarded(RSocket source) {
			super(source);
		}

		@Override
		public Mono<Void> fireAndForget(Payload payload) {
			String refused = refusal(payload);
			return (refused != null) ? Mono.error(new IllegalArgumentException(refused)) : super.fireAndForget(payload);
		}

		@Override
		public Mono<Payload> requestResponse(Payload payload) {
			String refused = refusal(payload);
			return (refused != null) ? Mono.error(new IllegalArgumentException(refused))
					: super.requestResponse(payload);
		}

		@Override
		public Flux<Payload> requestStream(Payload payload) {
			String refused = refusal(payload);
			return (refused != null) ? Flux.error(new IllegalArgumentException(refused)) : super.requestStream(payload);
		}

		@Override
		public Flux<Payload> requestChannel(Publisher<Payload> payloads) {
			return Flux.from(payloads).switchOnFirst((first, all) -> {
				String refused = first.hasValue() ? refusal(first.get()) : null;
				return (refused != null) ? Flux.error(new IllegalArgumentException(refused))
						: super.requestChannel(all);
			});
		}

		private @Nullable String refusal(Payload payload) {
			int size = payload.data().readableBytes()
					+ (payload.hasMetadata() ? payload.metadata().readableBytes() : 0);
			if (size <= RequestSizeLimit.this.maxBytes) {
				return null;
			}
			payload.release();
			return "request: the payload has " + size + " bytes, at most " + RequestSizeLimit.this.maxBytes
					+ " are accepted";
		}

	}

}
