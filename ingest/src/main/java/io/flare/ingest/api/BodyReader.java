package io.flare.ingest.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.server.ServerRequest;

import io.flare.ingest.backpressure.InFlightLimiter;
import io.flare.ingest.validation.InvalidBatchException;

/**
 * Reads a request body into memory within the size bound, holding its bytes in the
 * in-flight count, and decompresses gzip bodies within the same bound (a zip bomb is
 * refused, not expanded).
 */
final class BodyReader {

	private final long maxBytes;

	private final InFlightLimiter limiter;

	BodyReader(long maxBytes, InFlightLimiter limiter) {
		this.maxBytes = maxBytes;
		this.limiter = limiter;
	}

	/**
	 * The body, decompressed when {@code gzip}; its bytes are added to {@code held} and
	 * must be released by the caller.
	 */
	Mono<byte[]> read(ServerRequest request, boolean gzip, Held held) {
		long declared = request.headers().contentLength().orElse(-1);
		if (declared > this.maxBytes) {
			return Mono.error(tooLarge("the body"));
		}
		if (declared >= 0) {
			holdBytes(declared, held);
		}
		return DataBufferUtils
			.join(request.bodyToFlux(DataBuffer.class), (int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes))
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge("the body"))
			.map((buffer) -> {
				try {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					return bytes;
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.defaultIfEmpty(new byte[0])
			.map((bytes) -> {
				if (declared < 0) {
					holdBytes(bytes.length, held);
				}
				return gzip ? gunzip(bytes, held) : bytes;
			});
	}

	private void holdBytes(long count, Held held) {
		this.limiter.acquireBytes(count);
		held.bytes += count;
	}

	private byte[] gunzip(byte[] compressed, Held held) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(
				(int) Math.min(this.maxBytes, Math.max(1024L, compressed.length * 4L)));
		byte[] chunk = new byte[16 * 1024];
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), chunk.length)) {
			int n;
			while ((n = in.read(chunk)) > 0) {
				if (out.size() + n > this.maxBytes) {
					throw tooLarge("the decompressed body");
				}
				out.write(chunk, 0, n);
			}
		}
		catch (IOException ex) {
			throw new InvalidBatchException("the body is not valid gzip: " + ex.getMessage());
		}
		holdBytes(out.size(), held);
		return out.toByteArray();
	}

	private BodyTooLargeException tooLarge(String what) {
		return new BodyTooLargeException(what + " must be at most " + this.maxBytes + " bytes");
	}

	/** The in-flight bytes and events one request holds, released once when it ends. */
	static final class Held {

		long bytes;

		long events;

		private boolean released;

		synchronized void releaseTo(InFlightLimiter limiter) {
			if (!this.released) {
				this.released = true;
				limiter.releaseBytes(this.bytes);
				limiter.releaseEvents(this.events);
			}
		}

	}

}
