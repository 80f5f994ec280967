package io.flare.benchmarks.query;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.benchmarks.support.Cleanup;
import io.flare.benchmarks.support.ServiceProcess;
import io.flare.infra.stack.StackProperties;

/**
 * The two query-service instances under test, both from the module's jar against the
 * running stack: one as deployed (its caches on), and one with
 * {@code flare.cache.enabled=false}, so every request it answers runs its own Pinot query
 * (no cached bucket, no sharing of identical queries).
 */
final class QueryServices {

	static final String JAR = "query-service/target/flare-query-service.jar";

	static final List<String> UNCACHED = List.of("--flare.cache.enabled=false");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final ServiceProcess cached;

	private final ServiceProcess uncached;

	private QueryServices(ServiceProcess cached, ServiceProcess uncached) {
		this.cached = cached;
		this.uncached = uncached;
	}

	/**
	 * Starts both, one after the other, registering their stop.
	 * @param stack the running stack
	 * @param catalogRoot the Flare root they read their catalog from
	 * @param heap each one's maximum heap
	 * @param logs where their logs go: {@code <logs>-cached.log},
	 * {@code <logs>-uncached.log}
	 * @param cleanup registers their stop
	 * @return the running pair
	 */
	static QueryServices start(StackProperties stack, Path catalogRoot, String heap, Path logs, Cleanup cleanup) {
		ServiceProcess cached = start(stack, catalogRoot, heap, List.of(), logs, "cached", cleanup);
		ServiceProcess uncached = start(stack, catalogRoot, heap, UNCACHED, logs, "uncached", cleanup);
		return new QueryServices(cached, uncached);
	}

	private static ServiceProcess start(StackProperties stack, Path catalogRoot, String heap, List<String> extra,
			Path logs, String role, Cleanup cleanup) {
		List<String> arguments = new ArrayList<>(arguments(stack, catalogRoot));
		arguments.addAll(extra);
		String prefix = logs.getFileName() + "-" + role;
		Path log = logs.resolveSibling(prefix + ".log");
		try {
			// its collector's pauses are logged next to its output, where the times
			// of the slowest answers (in the results file) can be looked up
			List<String> jvmOptions = new ArrayList<>(ServiceProcess.queryServiceJvmOptions(heap));
			jvmOptions.add("-Xlog:gc:file=" + logs.resolveSibling(prefix + "-gc.log") + ":time,uptime");
			ServiceProcess service = ServiceProcess.start("query service (" + role + ")", stack.root().resolve(JAR),
					heap, jvmOptions, arguments, log, START_TIMEOUT);
			cleanup.add("query service (" + role + ", pid " + service.pid() + ")", service::close);
			return service;
		}
		catch (IOException ex) {
			throw new BenchmarkException(ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted while starting the query service", ex);
		}
	}

	/** The service's arguments, as the platform passes them, plus the run's catalog. */
	static List<String> arguments(StackProperties stack, Path catalogRoot) {
		return List.of("--flare.root=" + catalogRoot, "--flare.registry.load-files=false",
				"--spring.datasource.url=" + stack.jdbcUrl(), "--spring.datasource.username=postgres",
				"--flare.pinot.broker-url=" + stack.pinotBrokerUrl(),
				"--flare.pinot.controller-url=" + stack.pinotControllerUrl(),
				"--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrap());
	}

	ServiceProcess cached() {
		return this.cached;
	}

	ServiceProcess uncached() {
		return this.uncached;
	}

}
