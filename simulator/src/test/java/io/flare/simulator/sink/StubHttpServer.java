package io.flare.simulator.sink;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 and a free port, for tests: records each request
 * and answers with the next scripted response (200 when the script is used up), then
 * closes the connection.
 */
final class StubHttpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final ConcurrentLinkedQueue<Response> script = new ConcurrentLinkedQueue<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	StubHttpServer() throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::serve, "stub-http-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.socket.getLocalPort() + path);
	}

	StubHttpServer respond(int status, String... headerPairs) {
		this.script.add(new Response(status, "{\"stub\":true}", headerPairs));
		return this;
	}

	StubHttpServer respondWithBody(int status, String body) {
		this.script.add(new Response(status, body));
		return this;
	}

	List<Request> requests() {
		return this.requests;
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try (Socket connection = this.socket.accept()) {
				this.requests.add(read(new BufferedInputStream(connection.getInputStream())));
				Response response = this.script.poll();
				write(connection.getOutputStream(),
						(response != null) ? response : new Response(200, "{\"stub\":true}"));
			}
			catch (SocketException ex) {
				return;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private static Request read(InputStream in) throws IOException {
		String[] requestLine = line(in).split(" ");
		Map<String, String> headers = new LinkedHashMap<>();
		for (String header = line(in); !header.isEmpty(); header = line(in)) {
			int colon = header.indexOf(':');
			headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
		}
		int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
		byte[] body = in.readNBytes(length);
		return new Request(requestLine[0], requestLine[1], headers, new String(body, StandardCharsets.UTF_8));
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n' && b != -1; b = in.read()) {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	private static void write(OutputStream out, Response response) throws IOException {
		StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(" Stub\r\n");
		for (int i = 0; i + 1 < response.headerPairs().length; i += 2) {
			head.append(response.headerPairs()[i]).append(": ").append(response.headerPairs()[i + 1]).append("\r\n");
		}
		byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
		head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length);
		head.append("\r\nConnection: close\r\n\r\n");
		out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	record Request(String method, String path, Map<String, String> headers, String body) {

	}

	private record Response(int status, String body, String... headerPairs) {

	}

}
