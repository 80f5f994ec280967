package io.flare.infra.provisioning;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line:
 * {@code ProvisionerMain --root <repo dir> [--controller http://127.0.0.1:9000]
 * [--bootstrap 127.0.0.1:9092] [--partitions 8] [--replication 1] [--timeout-seconds 30]
 * [--consumer-factory <class>]}. Exits 0 when done, 1 when provisioning failed, 2 on bad
 * arguments.
 */
public final class ProvisionerMain {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final List<String> OPTIONS = List.of("--root", "--controller", "--bootstrap", "--partitions",
			"--replication", "--timeout-seconds", "--consumer-factory");

	private static final String USAGE_TEXT = "usage: ProvisionerMain --root <repo dir> [--controller <url>] "
			+ "[--bootstrap <host:port,...>] [--partitions <n>] [--replication <n>] [--timeout-seconds <n>] "
			+ "[--consumer-factory <class>]";

	private ProvisionerMain() {
	}

	public static void main(String[] args) {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
				System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		ProvisionerProperties properties;
		try {
			properties = parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(USAGE_TEXT);
			return USAGE;
		}
		try (Provisioner provisioner = Provisioner.connect(properties)) {
			ProvisioningReport report = provisioner.provision();
			out.println(report);
			return OK;
		}
		catch (ProvisioningException ex) {
			err.println("Provisioning failed" + (ex.isRetriable() ? " (retriable)" : "") + ": " + ex.getMessage());
			return FAILED;
		}
	}

	static ProvisionerProperties parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			String option = args[i];
			if (!OPTIONS.contains(option)) {
				throw new IllegalArgumentException("unknown option '" + option + "'");
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("option " + option + " needs a value");
			}
			values.put(option, args[i + 1]);
		}
		String root = values.get("--root");
		if (root == null) {
			throw new IllegalArgumentException("--root is required");
		}
		return new ProvisionerProperties(
				URI.create(values.getOrDefault("--controller", ProvisionerProperties.LOCAL_CONTROLLER.toString())),
				values.getOrDefault("--bootstrap", ProvisionerProperties.LOCAL_BOOTSTRAP), Path.of(root),
				number(values, "--partitions", ProvisionerProperties.DEFAULT_PARTITIONS),
				replication(number(values, "--replication", 1)),
				Duration.ofSeconds(
						number(values, "--timeout-seconds", (int) ProvisionerProperties.DEFAULT_TIMEOUT.toSeconds())),
				values.get("--consumer-factory"));
	}

	private static short replication(int value) {
		if (value > Short.MAX_VALUE) {
			throw new IllegalArgumentException("--replication must be at most " + Short.MAX_VALUE + ", got " + value);
		}
		return (short) value;
	}

	private static int number(Map<String, String> values, String option, int fallback) {
		String value = values.get(option);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'", ex);
		}
	}

}
