package io.flare.infra.pinot;

import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.pinot.broker.broker.helix.HelixBrokerStarter;
import org.apache.pinot.common.utils.ZkStarter;
import org.apache.pinot.controller.ControllerStarter;
import org.apache.pinot.minion.MinionStarter;
import org.apache.pinot.server.starter.helix.HelixServerStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts ZooKeeper, controller, broker, server and minion in this JVM, in that order, and
 * stops them in reverse order on shutdown (SIGTERM), keeping ZooKeeper's data so tables
 * survive a restart.
 */
public final class PinotRunner {

	private static final Logger LOG = LoggerFactory.getLogger(PinotRunner.class);

	private final Deque<Runnable> stopActions = new ArrayDeque<>();

	private PinotRunner() {
	}

	public static void main(String[] args) throws Exception {
		PinotRunnerProperties props;
		try {
			props = PinotRunnerProperties.fromArgs(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("pinot-runner: " + ex.getMessage());
			System.exit(2);
			return;
		}
		PinotRunner runner = new PinotRunner();
		Runtime.getRuntime().addShutdownHook(new Thread(runner::stop, "pinot-runner-shutdown"));
		try {
			runner.start(props);
		}
		catch (Exception ex) {
			LOG.error("Pinot failed to start", ex);
			System.exit(1);
		}
		LOG.info("FLARE-PINOT-READY controller={} broker={} server-admin={}", props.controllerPort(),
				props.brokerPort(), props.serverAdminPort());
	}

	private void start(PinotRunnerProperties props) throws Exception {
		Files.createDirectories(props.dataDir());
		PinotRoleConfigs configs = new PinotRoleConfigs(props);

		ZkStarter.ZookeeperInstance zk = ZkStarter.startLocalZkServer(props.zkPort(),
				props.dataDir().resolve("zookeeper").toString());
		// The two-argument stop keeps ZooKeeper's data directory (the one-argument form
		// deletes it).
		this.stopActions.push(() -> ZkStarter.stopLocalZkServer(zk, false));

		ControllerStarter controller = new ControllerStarter();
		controller.init(configs.controller());
		controller.start();
		this.stopActions.push(controller::stop);

		HelixBrokerStarter broker = new HelixBrokerStarter();
		broker.init(configs.broker());
		broker.start();
		this.stopActions.push(broker::stop);

		HelixServerStarter server = new HelixServerStarter();
		server.init(configs.server());
		server.start();
		this.stopActions.push(server::stop);

		MinionStarter minion = new MinionStarter();
		minion.init(configs.minion());
		minion.start();
		this.stopActions.push(minion::stop);
	}

	private synchronized void stop() {
		while (!this.stopActions.isEmpty()) {
			try {
				this.stopActions.pop().run();
			}
			catch (RuntimeException ex) {
				LOG.warn("Error while stopping a Pinot role", ex);
			}
		}
	}

}
