package io.flare.benchmarks.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeepAliveConnectionTests {

	private final ScriptedServer server = new ScriptedServer();

	private KeepAliveConnection connection;

	@AfterEach
	void stop() throws IOException {
		if (this.connection != null) {
			this.connection.close();
		}
		this.server.close();
	}

	@Test
	void shouldReadLengthDelimitedAnswersOnOneConnection() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
		this.server.answer("HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\n{}");
		KeepAliveConnection.Response first = connect().get("/v1/a?x=1");
		KeepAliveConnection.Response second = this.connection.get("/v1/b");
		assertThat(first).isEqualTo(new KeepAliveConnection.Response(200, "{\"a\":1}"));
		assertThat(second).isEqualTo(new KeepAliveConnection.Response(404, "{}"));
		assertThat(this.server.accepted()).isEqualTo(1);
		assertThat(this.server.requests().get(0)).startsWith("GET /v1/a?x=1 HTTP/1.1\r\nHost: ");
	}

	@Test
	void shouldReadChunkedAnswersWithExtensionsAndTrailers() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ "4;name=x\r\nhell\r\n2\r\no!\r\n0\r\nX-Trailer: 1\r\n\r\n");
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
		assertThat(connect().get("/").body()).isEqualTo("hello!");
		assertThat(this.connection.get("/").body()).as("the connection is still in step").isEqualTo("ok");
	}

	@Test
	void shouldSendAPostBodyWithItsLength() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
		connect().post("/query/sql", "application/json", "{\"sql\":\"SELECT 1\"}");
		assertThat(this.server.requests().get(0)).contains("Content-Type: application/json\r\n")
			.contains("Content-Length: 18\r\n")
			.endsWith("\r\n\r\n{\"sql\":\"SELECT 1\"}");
	}

	@Test
	void shouldOpenANewConnectionAfterTheServerClosedOne() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\na");
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
		assertThat(connect().get("/").body()).isEqualTo("a");
		assertThat(this.connection.get("/").body()).isEqualTo("b");
		assertThat(this.server.accepted()).isEqualTo(2);
	}

	@Test
	void shouldRetryOnANewConnectionWhenAKeptOneClosesBeforeTheAnswer() throws IOException {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na");
		assertThat(connect().get("/").body()).isEqualTo("a");
		// the server reads the next request, then closes the connection without answering
		this.server.answer(null);
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
		assertThat(this.connection.get("/").body()).isEqualTo("b");
		assertThat(this.server.accepted()).isEqualTo(2);
	}

	@Test
	void shouldNotRetryWhenAFreshConnectionClosesBeforeTheAnswer() {
		this.server.answer(null);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> connect().get("/"))
			.withMessage("The connection closed before the answer");
		assertThat(this.server.accepted()).isEqualTo(1);
	}

	@Test
	void shouldReadABodyWithoutLengthUntilTheServerCloses() throws IOException {
		this.server.answer("HTTP/1.0 200 OK\r\n\r\nuntil the end");
		assertThat(connect().get("/").body()).isEqualTo("until the end");
	}

	@Test
	void shouldRefuseWhatIsNotAnHttpAnswer() {
		this.server.answer("SSH-2.0-OpenSSH\r\n\r\n");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> connect().get("/"))
			.withMessage("Not an HTTP/1.x status line: 'SSH-2.0-OpenSSH'");
	}

	@Test
	void shouldRefuseAStatusCodeThatIsNotANumber() {
		this.server.answer("HTTP/1.1 2OO OK\r\n\r\n");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> connect().get("/"))
			.withMessage("Not a status code: '2OO'");
	}

	@Test
	void shouldRefuseAHeaderWithoutAName() {
		this.server.answer("HTTP/1.1 200 OK\r\n: x\r\n\r\n");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> connect().get("/"))
			.withMessage("A header line without a name: ': x'");
	}

	@Test
	void shouldSayHowMuchOfATruncatedBodyArrived() {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
		this.server.closeAfterAnswer();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> connect().get("/"))
			.withMessage("The connection closed after 3 of the 10 bytes of the body");
	}

	@Test
	void shouldRefuseOversizedLinesAndBodies() {
		this.server.answer("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(KeepAliveConnection.MAX_LINE) + "\r\n\r\n");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> connect().get("/"))
			.withMessage("A status or header line is over " + KeepAliveConnection.MAX_LINE + " bytes");
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: " + (KeepAliveConnection.MAX_BODY + 1L) + "\r\n\r\n");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.connection.get("/"))
			.withMessage("The answer's body is over " + KeepAliveConnection.MAX_BODY + " bytes");
	}

	@Test
	void shouldRefuseANegativeLengthAndABadChunkSize() {
		this.server.answer("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> connect().get("/"))
			.withMessage("Not a Content-Length: '-1'");
		this.server.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.connection.get("/"))
			.withMessage("Not a chunk size: 'zz'");
	}

	@Test
	void shouldRefuseABaseThatIsNotPlainHttp() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new KeepAliveConnection(URI.create("https://127.0.0.1:1"), Duration.ofSeconds(1)))
			.withMessageContaining("http://host:port");
	}

	private KeepAliveConnection connect() {
		this.connection = new KeepAliveConnection(URI.create("http://127.0.0.1:" + this.server.port()),
				Duration.ofSeconds(5));
		return this.connection;
	}

	/**
	 * Answers each request it reads with the next scripted bytes, on whichever connection
	 * asks; one connection at a time.
	 */
	private static final class ScriptedServer implements AutoCloseable {

		private static final String CLOSE = "<close>";

		private final ServerSocket socket;

		private final Queue<String> answers = new ConcurrentLinkedQueue<>();

		private final List<String> requests = new CopyOnWriteArrayList<>();

		private final AtomicInteger accepted = new AtomicInteger();

		private volatile boolean closeAfterAnswer;

		ScriptedServer() {
			try {
				this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread thread = new Thread(this::serve, "scripted-server");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		/** The next answer; {@code null}: close the connection instead of answering. */
		void answer(String answer) {
			this.answers.add((answer != null) ? answer : CLOSE);
		}

		void closeAfterAnswer() {
			this.closeAfterAnswer = true;
		}

		int accepted() {
			return this.accepted.get();
		}

		List<String> requests() {
			return this.requests;
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (Socket client = this.socket.accept()) {
					this.accepted.incrementAndGet();
					InputStream in = client.getInputStream();
					while (true) {
						String request = readRequest(in);
						if (request == null) {
							break;
						}
						this.requests.add(request);
						String answer = this.answers.poll();
						if (CLOSE.equals(answer)) {
							break;
						}
						client.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
						client.getOutputStream().flush();
						if (this.closeAfterAnswer || answer.startsWith("HTTP/1.0")
								|| answer.contains("Connection: close")) {
							break;
						}
					}
				}
				catch (IOException ex) {
					// the test closed the server or the client went away
				}
			}
		}

		private static String readRequest(InputStream in) throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			int length = 0;
			while (true) {
				int b = in.read();
				if (b < 0) {
					return null;
				}
				head.write(b);
				String text = head.toString(StandardCharsets.UTF_8);
				if (text.endsWith("\r\n\r\n")) {
					for (String line : text.split("\r\n")) {
						if (line.startsWith("Content-Length: ")) {
							length = Integer.parseInt(line.substring("Content-Length: ".length()));
						}
					}
					return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
