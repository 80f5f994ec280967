package io.flare.benchmarks.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 connection kept open between requests, used from one thread, with the
 * least work a client can do: the request is written by the calling thread, which then
 * blocks on the socket until the whole answer is read. A latency benchmark times its
 * requests through it so its figures hold the server's time and the network's, not a
 * general-purpose client's hand-offs between its own threads (the JDK's client adds
 * several per exchange, each a scheduling delay on a busy machine).
 * <p>
 * Reads answers with {@code Content-Length} or chunked bodies; refuses status lines,
 * headers and bodies it cannot read, or longer than the limits, with a clear message. A
 * connection the server closed is opened again for the next request.
 */
public final class KeepAliveConnection implements AutoCloseable {

	/** Longest status or header line read. */
	static final int MAX_LINE = 8 * 1024;

	/** Largest body read. */
	static final int MAX_BODY = 64 * 1024 * 1024;

	private final String host;

	private final int port;

	private final int timeoutMillis;

	private @Nullable Socket socket;

	private @Nullable InputStream in;

	private @Nullable OutputStream out;

	/**
	 * A connection to {@code base}'s host and port, opened on the first request.
	 * @param base the server's base URI ({@code http} only)
	 * @param timeout how long a request may wait for bytes before it fails
	 */
	public KeepAliveConnection(URI base, Duration timeout) {
		if (!"http".equals(base.getScheme()) || base.getHost() == null) {
			throw new IllegalArgumentException("An http://host:port base URI is needed, was " + base);
		}
		this.host = base.getHost();
		this.port = (base.getPort() > 0) ? base.getPort() : 80;
		this.timeoutMillis = Math.toIntExact(timeout.toMillis());
	}

	/**
	 * Sends a GET.
	 * @param pathAndQuery the request target, e.g. {@code /v1/metrics/x/result?a=b}
	 * @return the answer
	 * @throws IOException when the exchange fails or the answer cannot be read
	 */
	public Response get(String pathAndQuery) throws IOException {
		return exchange("GET", pathAndQuery, null, null);
	}

	/**
	 * Sends a POST.
	 * @param pathAndQuery the request target
	 * @param contentType the body's type
	 * @param body the body
	 * @return the answer
	 * @throws IOException when the exchange fails or the answer cannot be read
	 */
	public Response post(String pathAndQuery, String contentType, String body) throws IOException {
		return exchange("POST", pathAndQuery, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	private Response exchange(String method, String target, @Nullable String contentType, byte @Nullable [] body)
			throws IOException {
		boolean reused = this.socket != null;
		try {
			return once(method, target, contentType, body);
		}
		catch (IOException ex) {
			close();
			if (!reused || ex instanceof MalformedAnswerException) {
				throw ex;
			}
			// the server may have closed an idle connection between two requests: one
			// more
			// try on a new one
			return once(method, target, contentType, body);
		}
	}

	private Response once(String method, String target, @Nullable String contentType, byte @Nullable [] body)
			throws IOException {
		open();
		StringBuilder head = new StringBuilder(128).append(method)
			.append(' ')
			.append(target)
			.append(" HTTP/1.1\r\nHost: ")
			.append(this.host)
			.append(':')
			.append(this.port)
			.append("\r\nAccept: application/json\r\n");
		if (body != null) {
			head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length);
			head.append("\r\n");
		}
		head.append("\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] request = (body != null) ? new byte[start.length + body.length] : start;
		if (body != null) {
			System.arraycopy(start, 0, request, 0, start.length);
			System.arraycopy(body, 0, request, start.length, body.length);
		}
		// one write, one segment
		OutputStream output = this.out;
		output.write(request);
		output.flush();
		return read();
	}

	private Response read() throws IOException {
		InputStream input = this.in;
		Head head = Head.read(input);
		byte[] body;
		boolean closes = head.closes();
		if (head.chunked()) {
			body = chunked(input);
		}
		else if (head.length() >= 0) {
			body = exactly(input, checked(head.length()));
		}
		else if (head.status() == 204 || head.status() == 304) {
			body = new byte[0];
		}
		else {
			// no length: the body runs until the server closes
			body = untilClosed(input);
			closes = true;
		}
		if (closes) {
			close();
		}
		return new Response(head.status(), new String(body, StandardCharsets.UTF_8));
	}

	/**
	 * An answer's status line and the headers that frame its body.
	 *
	 * @param status the status code
	 * @param length {@code Content-Length}, -1 when absent
	 * @param chunked whether the body is chunked
	 * @param closes whether the server closes the connection after it
	 */
	private record Head(int status, long length, boolean chunked, boolean closes) {

		static Head read(InputStream input) throws IOException {
			String status = line(input);
			String[] parts = status.split(" ", 3);
			if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
				throw new MalformedAnswerException("Not an HTTP/1.x status line: '" + printable(status) + "'");
			}
			int code = parseInt(parts[1], "status code");
			long length = -1;
			boolean chunked = false;
			boolean closes = "HTTP/1.0".equals(parts[0]);
			for (String header = line(input); !header.isEmpty(); header = line(input)) {
				int colon = header.indexOf(':');
				if (colon <= 0) {
					throw new MalformedAnswerException("A header line without a name: '" + printable(header) + "'");
				}
				String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
				String value = header.substring(colon + 1).strip();
				switch (name) {
					case "content-length" -> length = parseInt(value, "Content-Length");
					case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
					case "connection" -> closes = value.equalsIgnoreCase("close");
					default -> {
					}
				}
			}
			return new Head(code, length, chunked, closes);
		}

	}

	private static byte[] chunked(InputStream input) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = line(input);
			int extension = sizeLine.indexOf(';');
			String hex = ((extension >= 0) ? sizeLine.substring(0, extension) : sizeLine).strip();
			int size;
			try {
				size = Integer.parseInt(hex, 16);
			}
			catch (NumberFormatException ex) {
				throw new MalformedAnswerException("Not a chunk size: '" + printable(sizeLine) + "'");
			}
			if (size < 0 || body.size() + (long) size > MAX_BODY) {
				throw new MalformedAnswerException("The answer's body is over " + MAX_BODY + " bytes");
			}
			if (size == 0) {
				// trailers, then the blank line
				for (String trailer = line(input); !trailer.isEmpty(); trailer = line(input)) {
					// ignored
				}
				return body.toByteArray();
			}
			body.write(exactly(input, size));
			if (!line(input).isEmpty()) {
				throw new MalformedAnswerException("A chunk is longer than its size said");
			}
		}
	}

	private static byte[] exactly(InputStream input, int length) throws IOException {
		byte[] bytes = input.readNBytes(length);
		if (bytes.length < length) {
			throw new MalformedAnswerException(
					"The connection closed after " + bytes.length + " of the " + length + " bytes of the body");
		}
		return bytes;
	}

	private static byte[] untilClosed(InputStream input) throws IOException {
		byte[] bytes = input.readNBytes(MAX_BODY + 1);
		if (bytes.length > MAX_BODY) {
			throw new MalformedAnswerException("The answer's body is over " + MAX_BODY + " bytes");
		}
		return bytes;
	}

	/** A CRLF-terminated line (a bare LF is accepted), without its terminator. */
	private static String line(InputStream input) throws IOException {
		StringBuilder line = new StringBuilder();
		while (true) {
			int b = input.read();
			if (b < 0) {
				if (line.isEmpty()) {
					// retried on a new connection when this one was reused: the server
					// may
					// have closed it as idle just as the request went out
					throw new IOException("The connection closed before the answer");
				}
				throw new MalformedAnswerException(
						"The connection closed in the middle of a line: '" + printable(line.toString()) + "'");
			}
			if (b == '\n') {
				int end = line.length();
				if (end > 0 && line.charAt(end - 1) == '\r') {
					line.setLength(end - 1);
				}
				return line.toString();
			}
			if (line.length() >= MAX_LINE) {
				throw new MalformedAnswerException("A status or header line is over " + MAX_LINE + " bytes");
			}
			line.append((char) b);
		}
	}

	private static int checked(long length) throws MalformedAnswerException {
		if (length > MAX_BODY) {
			throw new MalformedAnswerException("The answer's body is over " + MAX_BODY + " bytes");
		}
		return (int) length;
	}

	private static int parseInt(String text, String what) throws MalformedAnswerException {
		try {
			int value = Integer.parseInt(text.strip());
			if (value < 0) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new MalformedAnswerException("Not a " + what + ": '" + printable(text) + "'");
		}
	}

	private static String printable(String text) {
		String shown = (text.length() > 80) ? text.substring(0, 80) + "..." : text;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

	private void open() throws IOException {
		if (this.socket != null) {
			return;
		}
		Socket opened = new Socket();
		try {
			opened.setTcpNoDelay(true);
			opened.setSoTimeout(this.timeoutMillis);
			opened.connect(new InetSocketAddress(this.host, this.port), this.timeoutMillis);
			this.in = new BufferedInputStream(opened.getInputStream(), 64 * 1024);
			this.out = opened.getOutputStream();
			this.socket = opened;
		}
		catch (IOException ex) {
			opened.close();
			throw ex;
		}
	}

	/** Closes the connection; the next request opens a new one. */
	@Override
	public void close() {
		Socket open = this.socket;
		this.socket = null;
		this.in = null;
		this.out = null;
		if (open != null) {
			try {
				open.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param body the body, decoded as UTF-8
	 */
	public record Response(int status, String body) {

	}

	/** An answer this client cannot read; not retried. */
	static final class MalformedAnswerException extends IOException {

		MalformedAnswerException(String message) {
			super(message);
		}

	}

}
