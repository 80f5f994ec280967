package io.flare.infra.provisioning;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * {@link PinotController} over the controller's REST API, with {@link HttpClient} forced
 * to HTTP/1.1 (Pinot 0.11's Grizzly listeners mishandle h2c upgrades).
 */
final class HttpPinotController implements PinotController {

	private static final int NOT_FOUND = 404;

	private final URI controller;

	private final Duration timeout;

	private final HttpClient client;

	HttpPinotController(URI controller, Duration timeout) {
		this.controller = controller;
		this.timeout = timeout;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public Optional<JsonNode> schema(String name) {
		return Optional.ofNullable(send("GET", "/schemas/" + encode(name), null, true));
	}

	@Override
	public Validated validateSchema(ObjectNode schema) {
		return validated(send("POST", "/schemas/validate", schema, false), null);
	}

	@Override
	public void createSchema(ObjectNode schema) {
		send("POST", "/schemas?override=false", schema, false);
	}

	@Override
	public void updateSchema(String name, ObjectNode schema) {
		send("PUT", "/schemas/" + encode(name), schema, false);
	}

	@Override
	public Optional<JsonNode> table(String rawName, String tableType) {
		JsonNode tables = send("GET", "/tables/" + encode(rawName) + "?type=" + tableType.toLowerCase(Locale.ROOT),
				null, true);
		return Optional.ofNullable(tables).map((t) -> t.get(tableType)).filter(JsonNode::isObject);
	}

	@Override
	public Validated validateTable(ObjectNode tableConfig) {
		String type = Json.text(tableConfig, "tableType").orElse("").toUpperCase(Locale.ROOT);
		return validated(send("POST", "/tables/validate", tableConfig, false), type);
	}

	@Override
	public void createTable(ObjectNode tableConfig) {
		send("POST", "/tables", tableConfig, false);
	}

	@Override
	public void updateTable(String rawName, ObjectNode tableConfig) {
		send("PUT", "/tables/" + encode(rawName), tableConfig, false);
	}

	@Override
	public void reloadSegments(String tableNameWithType) {
		send("POST", "/segments/" + encode(tableNameWithType) + "/reload", null, false);
	}

	private Validated validated(@Nullable JsonNode response, @Nullable String tableType) {
		if (!(response instanceof ObjectNode body)) {
			throw new ProvisioningException(
					"Pinot controller at " + this.controller + " answered a validation request without a JSON object",
					false, null);
		}
		ObjectNode config = body.deepCopy();
		JsonNode unrecognized = config.remove("unrecognizedProperties");
		JsonNode normalized = (tableType != null) ? config.path(tableType) : config;
		return new Validated(normalized, (unrecognized != null) ? unrecognized : MissingNode.getInstance());
	}

	private @Nullable JsonNode send(String method, String path, @Nullable JsonNode body, boolean absentIfNotFound) {
		String request = method + " " + this.controller + path;
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.controller + path))
			.timeout(this.timeout)
			.header("Accept", "application/json");
		if (body != null) {
			builder.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
		}
		else {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = exchange(builder.build(), request);
		if (absentIfNotFound && response.statusCode() == NOT_FOUND) {
			return null;
		}
		if (response.statusCode() >= 400) {
			throw new PinotControllerException(request, response.statusCode(), pinotMessage(response.body()));
		}
		return parse(response.body());
	}

	private HttpResponse<String> exchange(HttpRequest request, String description) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpConnectTimeoutException | ConnectException ex) {
			throw new PinotControllerUnavailableException(
					"Pinot controller at " + this.controller + " is unreachable (" + description + "): " + describe(ex),
					ex);
		}
		catch (HttpTimeoutException ex) {
			throw new PinotControllerUnavailableException("Pinot controller at " + this.controller
					+ " did not answer within " + this.timeout + " (" + description + ")", ex);
		}
		catch (IOException ex) {
			throw new PinotControllerUnavailableException(
					"Pinot controller at " + this.controller + " failed (" + description + "): " + describe(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProvisioningException("Interrupted while calling " + description, true, ex);
		}
	}

	private static @Nullable JsonNode parse(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Json.MAPPER.readTree(text);
		}
		catch (JsonProcessingException ignored) {
			// some endpoints answer plain text on success; the provisioner only reads
			// JSON answers
			return null;
		}
	}

	/**
	 * Pinot's explanation from an error body: the {@code error} field of its JSON errors,
	 * else the body itself.
	 * @param body the response body
	 * @return the message
	 */
	static String pinotMessage(String body) {
		try {
			JsonNode json = Json.MAPPER.readTree(body);
			if (json != null && json.hasNonNull("error")) {
				return json.get("error").asText();
			}
		}
		catch (JsonProcessingException ignored) {
			// not JSON: fall through to the raw body
		}
		String text = body.strip();
		if (text.isEmpty()) {
			return "(empty body)";
		}
		return (text.length() > 2000) ? text.substring(0, 2000) + "…" : text;
	}

	private static String describe(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				return cause.getMessage();
			}
		}
		return (ex instanceof ConnectException) ? "connection refused" : ex.getClass().getSimpleName();
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8);
	}

}
