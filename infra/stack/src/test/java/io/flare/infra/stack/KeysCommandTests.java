package io.flare.infra.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The keys command against a stand-in for ingest's admin API (the API itself is tested in
 * the ingest module): what it sends, what it prints, how it explains refusals.
 */
class KeysCommandTests {

	private static final String TOKEN = "flare-admin-test";

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private HttpServer server;

	private volatile int status = 201;

	private volatile String answer = "";

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/admin/keys", this::handle);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
				+ exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
		byte[] bytes = this.answer.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(this.status, (this.status == 204) ? -1 : bytes.length);
		if (this.status != 204) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private KeysCommand command() {
		return new KeysCommand(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()), TOKEN,
				new PrintStream(this.printed, true, StandardCharsets.UTF_8));
	}

	@Test
	void shouldCreateAKeyWithTheAdminTokenAndShowItsSecretOnce() {
		this.answer = "{\"id\":\"6f1c0a52-3b0e-4f7e-9d55-1b2c3d4e5f60\",\"name\":\"score \\\"feed\\\"\","
				+ "\"sources\":[\"scoreline\",\"ticker\"],\"createdAt\":\"2026-11-29T08:00:00Z\",\"key\":\"flr_secret\"}";

		command().run(List.of("create", "score \"feed\"", "scoreline, ticker"));

		assertThat(this.requests).containsExactly("POST /admin/keys Bearer " + TOKEN
				+ " {\"name\":\"score \\\"feed\\\"\",\"sources\":[\"scoreline\",\"ticker\"]}");
		assertThat(this.printed.toString(StandardCharsets.UTF_8))
			.contains("Created key 6f1c0a52-3b0e-4f7e-9d55-1b2c3d4e5f60")
			.contains("[scoreline, ticker]")
			.contains("\nflr_secret\n");
	}

	@Test
	void shouldListAndRevoke() {
		this.status = 200;
		this.answer = "[{\"id\":\"a\",\"name\":\"n\",\"sources\":[\"s\"]}]";
		command().run(List.of("list"));
		this.status = 204;
		command().run(List.of("revoke", "6f1c0a52-3b0e-4f7e-9d55-1b2c3d4e5f60"));

		assertThat(this.requests).containsExactly("GET /admin/keys Bearer " + TOKEN + " ",
				"DELETE /admin/keys/6f1c0a52-3b0e-4f7e-9d55-1b2c3d4e5f60 Bearer " + TOKEN + " ");
		assertThat(this.printed.toString(StandardCharsets.UTF_8)).contains(this.answer)
			.contains("Revoked 6f1c0a52-3b0e-4f7e-9d55-1b2c3d4e5f60");
	}

	@Test
	void shouldExplainARefusedTokenAndAMissingAdminApi() {
		this.status = 401;
		assertThatThrownBy(() -> command().run(List.of("list"))).isInstanceOf(StackException.class)
			.hasMessageContaining("refused the admin token");
		this.status = 404;
		assertThatThrownBy(() -> command().run(List.of("list"))).hasMessageContaining("has no admin API");
		this.answer = "{\"detail\":\"no valid API key has id 6f1c0a52-3b0e-4f7e-9d55-1b2c3d4e5f60\"}";
		assertThatThrownBy(() -> command().run(List.of("revoke", "6f1c0a52-3b0e-4f7e-9d55-1b2c3d4e5f60")))
			.hasMessageContaining("no such key");
		this.status = 400;
		this.answer = "{\"detail\":\"sources must be a non-empty list\"}";
		assertThatThrownBy(() -> command().run(List.of("create", "x", ","))).hasMessageContaining("HTTP 400")
			.hasMessageContaining("sources must be");
	}

	@Test
	void shouldSayWhenIngestIsNotRunning() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		KeysCommand command = new KeysCommand(URI.create("http://127.0.0.1:" + closed), TOKEN,
				new PrintStream(this.printed, true, StandardCharsets.UTF_8));

		assertThatThrownBy(() -> command.run(List.of("list"))).hasMessageContaining("ingest is not running")
			.hasMessageContaining("infra/flare up");
	}

	@Test
	void shouldRefuseWrongArgumentsWithUsage() {
		assertThatThrownBy(() -> command().run(List.of())).hasMessageContaining("usage: infra/flare keys");
		assertThatThrownBy(() -> command().run(List.of("create", "only-a-name")))
			.hasMessageContaining("wrong number of arguments");
		assertThatThrownBy(() -> command().run(List.of("rotate"))).hasMessageContaining("unknown keys command");
		assertThat(this.requests).isEmpty();
	}

	@Test
	void shouldKeepTheAdminTokenPerHomeOwnerReadableOnly(@TempDir Path home) throws IOException {
		StackProperties props = StackProperties.from(home, Map.of("HOME", home.toString())::get);

		String token = LocalSecret.INGEST_ADMIN_TOKEN.of(props);

		assertThat(token).startsWith("flare-admin-").hasSizeGreaterThan(40);
		assertThat(LocalSecret.INGEST_ADMIN_TOKEN.of(props)).isEqualTo(token);
		assertThat(LocalSecret.DEMO_KEY.of(props)).isNotEqualTo(token).startsWith("flare-demo-");
		assertThat(java.nio.file.Files.getPosixFilePermissions(LocalSecret.INGEST_ADMIN_TOKEN.file(props))).hasSize(2);
	}

}
