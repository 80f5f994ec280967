package io.flare.gateway.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.FlareStackTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard page in headless Chromium ({@code frontend/browser-test.mjs}, driven by
 * playwright-core) against the real gateway and query service: it connects by itself with
 * the page token, opens the configured counter and series panels (and one from the
 * picker) with their freshness, the counter changes when events are produced to Kafka,
 * and a click on the series' bucket lists those events (drill-down through the gateway,
 * with the query service's raw-events token); a screenshot of the page is saved to
 * {@code target/dashboard.png}. Needs {@code node}, Debian's {@code chromium} and
 * {@code npm ci} in {@code dashboard-gateway/frontend}.
 */
@FlareStackTest
class DashboardBrowserIT {

	@Test
	void shouldShowAPushedChangeInTheBrowser(StackProperties stack) throws Exception {
		Path frontend = stack.root().resolve("dashboard-gateway/frontend");
		boolean playwright = Files.isDirectory(frontend.resolve("node_modules/playwright-core"));
		boolean chromium = Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")));
		String missing = "needs Debian's chromium (apt-get install chromium) and npm ci in " + frontend
				+ " (.ci/run installs both)";
		if (System.getenv("CI") == null) {
			// a developer machine without them: reported as skipped, with the reason; CI
			// never skips it
			Assumptions.assumeTrue(playwright && chromium, "skipped: " + missing);
		}
		assertThat(playwright && chromium).as(missing).isTrue();
		String source = "gateway-browser-" + UUID.randomUUID().toString().substring(0, 8);
		String counter = source + "-count";
		String series = source + "-series";
		// raw events need a token at the query service, which the gateway holds
		String rawEventsToken = "it-raw-" + UUID.randomUUID();
		try (QueryServiceProcess queryService = QueryServiceProcess.start(stack,
				"--flare.sql.tokens=" + rawEventsToken);
				ConfigurableApplicationContext gateway = ItSupport.startGateway(stack, queryService,
						"--flare.gateway.page.token=it", "--flare.gateway.page.panels[0].metric=" + counter,
						"--flare.gateway.page.panels[1].metric=" + series,
						"--flare.gateway.query-service.raw-events-token=" + rawEventsToken)) {
			assertThat(queryService.put("/v1/metrics/" + counter, ItSupport.countDefinition(source, "sliding"))
				.statusCode()).isIn(200, 201);
			assertThat(queryService.put("/v1/metrics/" + series, ItSupport.countDefinition(source, "tumbling"))
				.statusCode()).isIn(200, 201);
			ProcessBuilder command = new ProcessBuilder("node", "browser-test.mjs",
					"http://127.0.0.1:" + ItSupport.port(gateway) + "/", counter, series, "3", source)
				.directory(frontend.toFile())
				.redirectErrorStream(true);
			command.environment()
				.put("SCREENSHOT", stack.root().resolve("dashboard-gateway/target/dashboard.png").toString());
			Process browser = command.start();
			List<String> output = new CopyOnWriteArrayList<>();
			Thread reader = new Thread(() -> read(browser, output));
			reader.start();
			try {
				await("the page subscribed (output: " + output + ")").atMost(Duration.ofSeconds(90))
					.until(() -> output.contains("SUBSCRIBED") || !browser.isAlive());
				assertThat(output).as("browser test output").contains("SUBSCRIBED");
				ItSupport.produce(stack, source, 3);
				assertThat(browser.waitFor(90, TimeUnit.SECONDS)).as("the browser test ended").isTrue();
				reader.join(5_000);
				assertThat(output).as("browser test output").contains("PUSHED 3", "DRILLED 3 " + source);
				assertThat(browser.exitValue()).isZero();
			}
			finally {
				browser.destroyForcibly();
				queryService.delete("/v1/metrics/" + counter);
				queryService.delete("/v1/metrics/" + series);
			}
		}
	}

	private static void read(Process process, List<String> output) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().forEach(output::add);
		}
		catch (IOException ex) {
			output.add("(output unreadable: " + ex.getMessage() + ")");
		}
	}

}
