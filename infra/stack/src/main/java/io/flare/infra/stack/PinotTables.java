package io.flare.infra.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Waits until every table of the repository answers a query without error: after a
 * restart Pinot reports healthy some seconds before its segments are loaded and routable.
 */
final class PinotTables {

	private static final Pattern TABLE_NAME = Pattern.compile("\"tableName\"\\s*:\\s*\"([A-Za-z0-9_]+)\"");

	private final StackProperties props;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	PinotTables(StackProperties props) {
		this.props = props;
	}

	List<String> names() {
		List<String> names = new ArrayList<>();
		Path dir = this.props.root().resolve("table-configs");
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				Matcher matcher = TABLE_NAME.matcher(Files.readString(file));
				if (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
		}
		catch (IOException ex) {
			throw new StackException("Cannot read the table configs in " + dir + ": " + ex.getMessage(), ex);
		}
		return names;
	}

	void awaitQueryable(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (String table : names()) {
			String last = "";
			while (true) {
				last = probe(table);
				if (last.isEmpty()) {
					break;
				}
				if (System.nanoTime() > deadline) {
					throw new StackException("Pinot table '" + table + "' is not queryable after " + timeout.toSeconds()
							+ " s: " + last);
				}
				ProcessSupervisor.sleep(Duration.ofMillis(500));
			}
		}
	}

	/**
	 * An empty string when the table answers without exceptions, else what went wrong.
	 */
	private String probe(String table) {
		String body = "{\"sql\":\"SELECT COUNT(*) FROM " + table + "\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.props.pinotBrokerUrl() + "/query/sql"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			boolean ok = response.statusCode() == 200 && text.contains("\"resultTable\"")
					&& !text.contains("\"errorCode\"");
			return ok ? "" : "HTTP " + response.statusCode() + " " + text;
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while waiting for Pinot tables", ex);
		}
	}

}
