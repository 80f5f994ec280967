package io.flare.infra.pinot;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the local Pinot cluster keeps its data and which loopback ports its roles listen
 * on.
 *
 * @param dataDir root of ZooKeeper, controller, server and minion data; kept across
 * restarts
 * @param host the address every role advertises and binds its clients to
 * @param cluster the Helix cluster name
 * @param zkPort ZooKeeper client port
 * @param controllerPort controller HTTP port
 * @param brokerPort broker query port
 * @param serverPort server query (Netty) port
 * @param serverAdminPort server admin HTTP port (health)
 * @param serverGrpcPort server gRPC port
 * @param minionPort minion HTTP port
 */
record PinotRunnerProperties(Path dataDir, String host, String cluster, int zkPort, int controllerPort, int brokerPort,
		int serverPort, int serverAdminPort, int serverGrpcPort, int minionPort) {

	static PinotRunnerProperties fromArgs(String... args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (!arg.startsWith("--") || eq < 0) {
				throw new IllegalArgumentException("expected --key=value, got '" + arg + "'");
			}
			values.put(arg.substring(2, eq), arg.substring(eq + 1));
		}
		String dataDir = values.remove("data-dir");
		if (dataDir == null) {
			throw new IllegalArgumentException("--data-dir is required");
		}
		PinotRunnerProperties properties = new PinotRunnerProperties(Path.of(dataDir).toAbsolutePath(),
				values.getOrDefault("host", "127.0.0.1"), values.getOrDefault("cluster", "FlareCluster"),
				port(values, "zk-port", 2181), port(values, "controller-port", 9000), port(values, "broker-port", 8099),
				port(values, "server-port", 8098), port(values, "server-admin-port", 8097),
				port(values, "server-grpc-port", 8090), port(values, "minion-port", 9514));
		values.keySet()
			.removeAll(java.util.List.of("host", "cluster", "zk-port", "controller-port", "broker-port", "server-port",
					"server-admin-port", "server-grpc-port", "minion-port"));
		if (!values.isEmpty()) {
			throw new IllegalArgumentException("unknown options: " + values.keySet());
		}
		return properties;
	}

	private static int port(Map<String, String> values, String key, int defaultPort) {
		String value = values.get(key);
		if (value == null) {
			return defaultPort;
		}
		try {
			int port = Integer.parseInt(value);
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + key + " must be a port number (1-65535), got '" + value + "'");
		}
	}

	String zkAddress() {
		return this.host + ":" + this.zkPort;
	}

}
