package io.flare.infra.provisioning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP/1.1 server on a free port that answers every request with one canned
 * response and records the request lines it saw.
 */
final class StubHttpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final Thread thread;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	StubHttpServer(int status, String body) throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.thread = new Thread(() -> serve(status, body), "stub-http");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.socket.getLocalPort());
	}

	List<String> requests() {
		return this.requests;
	}

	private void serve(int status, String body) {
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept()) {
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
				this.requests.add(reader.readLine());
				int length = 0;
				for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
					if (line.toLowerCase().startsWith("content-length:")) {
						length = Integer.parseInt(line.substring(15).strip());
					}
				}
				reader.skip(length);
				byte[] payload = body.getBytes(StandardCharsets.UTF_8);
				OutputStream out = client.getOutputStream();
				out.write(("HTTP/1.1 " + status + " Stub\r\nContent-Type: application/json\r\nContent-Length: "
						+ payload.length + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				out.write(payload);
				out.flush();
			}
			catch (IOException ignored) {
				// the socket was closed by close(), or a client went away
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
