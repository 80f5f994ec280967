package io.flare.infra.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code infra/flare keys create|list|revoke}: manages ingest's API keys through its
 * admin API ({@code /admin/keys}) with the local platform's admin token, so the keys a
 * source uses are made the way production makes them (README, "API keys").
 */
final class KeysCommand {

	static final String USAGE = """
			usage: infra/flare keys <command>
			  create <name> <source>[,<source>...]   a key that may write those sources; its secret is shown once
			  list                                   every valid key (id, name, sources, created; no secrets)
			  revoke <id>                            revoke a key: it stops working at once on this instance
			""";

	private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private final URI base;

	private final String token;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	KeysCommand(URI base, String token, PrintStream out) {
		this.base = base;
		this.token = token;
		this.out = out;
	}

	static KeysCommand forStack(StackProperties props, PrintStream out) {
		return new KeysCommand(URI.create("http://" + props.host() + ":" + props.ingestPort()),
				LocalSecret.INGEST_ADMIN_TOKEN.of(props), out);
	}

	void run(List<String> args) {
		String command = args.isEmpty() ? "" : args.get(0);
		switch (command) {
			case "create" -> {
				requireArgs(args, 3);
				create(args.get(1), args.get(2));
			}
			case "list" -> {
				requireArgs(args, 1);
				this.out.println(send(request("/admin/keys").GET(), 200));
			}
			case "revoke" -> {
				requireArgs(args, 2);
				send(request("/admin/keys/" + args.get(1)).DELETE(), 204);
				this.out.println("Revoked " + args.get(1));
			}
			default ->
				throw new StackException((command.isEmpty() ? "" : "unknown keys command '" + command + "'\n") + USAGE);
		}
	}

	private void create(String name, String sources) {
		List<String> list = List.of(sources.split(",")).stream().map(String::trim).filter((s) -> !s.isEmpty()).toList();
		String body = "{\"name\":" + json(name) + ",\"sources\":["
				+ String.join(",", list.stream().map(KeysCommand::json).toList()) + "]}";
		String answer = send(request("/admin/keys").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)), 201);
		Matcher key = KEY.matcher(answer);
		Matcher id = ID.matcher(answer);
		if (!key.find() || !id.find()) {
			throw new StackException("ingest answered 201 without a key: " + answer);
		}
		this.out.println("Created key " + id.group(1) + " (" + name + ") for sources " + list);
		this.out.println(key.group(1));
		this.out.println("The secret is shown only now; send it as 'Authorization: Bearer <key>'.");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", "Bearer " + this.token);
	}

	private String send(HttpRequest.Builder request, int expected) {
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (ConnectException ex) {
			throw new StackException("ingest is not running at " + this.base + " (start the platform: infra/flare up)",
					ex);
		}
		catch (IOException ex) {
			throw new StackException("cannot reach ingest at " + this.base + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("interrupted", ex);
		}
		if (response.statusCode() == expected) {
			return response.body();
		}
		throw new StackException(explain(response.statusCode(), response.body()));
	}

	private String explain(int status, String body) {
		return switch (status) {
			case 401, 403 -> "ingest refused the admin token (HTTP " + status
					+ "): it was started with another token; restart it with infra/flare up";
			case 404 ->
				body.isBlank() || !body.contains("API key")
						? "ingest at " + this.base + " has no admin API (HTTP 404): it was started without "
								+ "flare.ingest.auth.admin-token; restart it with infra/flare up"
						: "no such key: " + body;
			default -> "ingest answered HTTP " + status + ": " + body;
		};
	}

	private static void requireArgs(List<String> args, int count) {
		if (args.size() != count) {
			throw new StackException("wrong number of arguments for keys " + args.get(0) + "\n" + USAGE);
		}
	}

	/** A JSON string literal. */
	static String json(String value) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
