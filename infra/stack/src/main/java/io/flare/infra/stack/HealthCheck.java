package io.flare.infra.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Tells whether a started component is ready to serve. */
@FunctionalInterface
public interface HealthCheck {

	/** {@code true} when the component answers as healthy now; never throws. */
	boolean healthy();

	/** What is checked, for messages. */
	default String describe() {
		return "health";
	}

	/** Healthy when every URL answers 2xx over HTTP/1.1. */
	static HealthCheck http(String... urls) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		List<URI> uris = java.util.Arrays.stream(urls).map(URI::create).toList();
		return new HealthCheck() {
			@Override
			public boolean healthy() {
				for (URI uri : uris) {
					try {
						HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
						int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
						if (status / 100 != 2) {
							return false;
						}
					}
					catch (IOException ex) {
						return false;
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return false;
					}
				}
				return true;
			}

			@Override
			public String describe() {
				return "HTTP " + uris;
			}
		};
	}

	/** Healthy when a TCP connection to the port succeeds. */
	static HealthCheck tcp(String host, int port) {
		return new HealthCheck() {
			@Override
			public boolean healthy() {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(host, port), 1000);
					return true;
				}
				catch (IOException ex) {
					return false;
				}
			}

			@Override
			public String describe() {
				return "TCP " + host + ":" + port;
			}
		};
	}

}
