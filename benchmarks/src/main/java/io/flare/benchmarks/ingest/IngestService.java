package io.flare.benchmarks.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flare.benchmarks.support.ServiceProcess;
import io.flare.infra.stack.StackProperties;

/**
 * The ingest service under test, in its own JVM as the platform runs it, on a free port,
 * publishing to the benchmark's own topic; reports its resident memory.
 */
final class IngestService implements AutoCloseable {

	private final ServiceProcess process;

	private IngestService(ServiceProcess process) {
		this.process = process;
	}

	static IngestService start(StackProperties stack, String topic, String apiKey, String heap, Path log)
			throws IOException, InterruptedException {
		return start(stack, topic, apiKey, heap, log, List.of());
	}

	/**
	 * Starts the service; {@code extraArguments} are appended to its command line (later
	 * ones win), e.g. {@code --flare.ingest.demo-key.sources=...}.
	 */
	static IngestService start(StackProperties stack, String topic, String apiKey, String heap, Path log,
			List<String> extraArguments) throws IOException, InterruptedException {
		List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrap(),
				"--spring.datasource.url=" + stack.jdbcUrl(), "--spring.datasource.username=postgres",
				"--flare.ingest.demo-key.enabled=true", "--flare.ingest.demo-key.value=" + apiKey,
				"--flare.ingest.raw.enabled=false", "--flare.ingest.kafka.topic=" + topic,
				"--flare.ingest.backpressure.rate-per-second=1000000000",
				"--flare.ingest.backpressure.burst=1000000000"));
		arguments.addAll(extraArguments);
		return new IngestService(
				ServiceProcess.start("ingest service", stack.root().resolve("ingest/target/flare-ingest.jar"), heap,
						ServiceProcess.INGEST_JVM_OPTIONS, arguments, log, Duration.ofSeconds(120)));
	}

	URI baseUri() {
		return this.process.url();
	}

	URI eventsUri() {
		return this.process.url().resolve("/v1/events");
	}

	long pid() {
		return this.process.pid();
	}

	/** Resident set size in bytes, from /proc (Linux); -1 where unknown. */
	long rssBytes() {
		return this.process.rssBytes();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

}
