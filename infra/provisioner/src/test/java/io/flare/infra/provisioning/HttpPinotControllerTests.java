package io.flare.infra.provisioning;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The HTTP adapter against a loopback stub: status mapping and error messages.
 */
class HttpPinotControllerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void shouldNameTheUrlOfAnUnreachableController() throws IOException {
		URI closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
		HttpPinotController pinot = new HttpPinotController(closed, TIMEOUT);
		PinotControllerUnavailableException ex = assertThrows(PinotControllerUnavailableException.class,
				() -> pinot.schema("events"));
		assertThat(ex.getMessage()).contains(closed.toString(), "unreachable", "GET " + closed + "/schemas/events");
		assertThat(ex.isRetriable()).isTrue();
	}

	@Test
	void shouldCarryPinotsMessageOfARejectedRequest() throws IOException {
		String body = "{\"code\":400,\"error\":\"Invalid table config: events. Column Name foo defined in Inverted "
				+ "Index Config must be a valid column defined in the schema\"}";
		try (StubHttpServer server = new StubHttpServer(400, body)) {
			HttpPinotController pinot = new HttpPinotController(server.uri(), TIMEOUT);
			PinotControllerException ex = assertThrows(PinotControllerException.class,
					() -> pinot.createTable(table()));
			assertThat(ex.status()).isEqualTo(400);
			assertThat(ex.isRetriable()).isFalse();
			assertThat(ex.getMessage()).contains("POST " + server.uri() + "/tables", "HTTP 400",
					"Column Name foo defined in Inverted Index Config");
			assertThat(server.requests()).containsExactly("POST /tables HTTP/1.1");
		}
	}

	@Test
	void shouldCarryTheRawBodyOfANonJsonError() throws IOException {
		try (StubHttpServer server = new StubHttpServer(500, "java.lang.NullPointerException")) {
			HttpPinotController pinot = new HttpPinotController(server.uri(), TIMEOUT);
			PinotControllerException ex = assertThrows(PinotControllerException.class,
					() -> pinot.reloadSegments("events_REALTIME"));
			assertThat(ex.getMessage()).contains("/segments/events_REALTIME/reload", "HTTP 500",
					"NullPointerException");
		}
	}

	@Test
	void shouldTreatAMissingSchemaAsAbsent() throws IOException {
		try (StubHttpServer server = new StubHttpServer(404, "{\"code\":404,\"error\":\"Schema not found\"}")) {
			assertThat(new HttpPinotController(server.uri(), TIMEOUT).schema("events")).isEmpty();
		}
	}

	@Test
	void shouldTreatAnEmptyTableListingAsAbsent() throws IOException {
		try (StubHttpServer server = new StubHttpServer(200, "{}")) {
			assertThat(new HttpPinotController(server.uri(), TIMEOUT).table("events", "REALTIME")).isEmpty();
			assertThat(server.requests()).containsExactly("GET /tables/events?type=realtime HTTP/1.1");
		}
	}

	@Test
	void shouldSplitTheValidatedTableFromItsUnrecognizedProperties() throws IOException {
		String body = "{\"REALTIME\":{\"tableName\":\"events_REALTIME\"},\"unrecognizedProperties\":{\"/x\":1}}";
		try (StubHttpServer server = new StubHttpServer(200, body)) {
			PinotController.Validated validated = new HttpPinotController(server.uri(), TIMEOUT).validateTable(table());
			assertThat(validated.config().path("tableName").asText()).isEqualTo("events_REALTIME");
			assertThat(validated.hasUnrecognized()).isTrue();
		}
	}

	@Test
	void shouldExtractPinotsErrorField() {
		assertThat(HttpPinotController.pinotMessage("{\"code\":409,\"error\":\"Table events_REALTIME exists\"}"))
			.isEqualTo("Table events_REALTIME exists");
		assertThat(HttpPinotController.pinotMessage("  ")).isEqualTo("(empty body)");
	}

	private static ObjectNode table() {
		return JsonNodeFactory.instance.objectNode().put("tableName", "events").put("tableType", "REALTIME");
	}

}
