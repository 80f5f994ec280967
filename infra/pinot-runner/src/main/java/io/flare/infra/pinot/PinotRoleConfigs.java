package io.flare.infra.pinot;

import java.util.HashMap;
import java.util.Map;

import org.apache.pinot.spi.env.PinotConfiguration;

/** The configuration of each Pinot role of the local cluster, all on loopback. */
final class PinotRoleConfigs {

	private final PinotRunnerProperties props;

	PinotRoleConfigs(PinotRunnerProperties props) {
		this.props = props;
	}

	PinotConfiguration controller() {
		Map<String, Object> map = new HashMap<>();
		map.put("controller.host", this.props.host());
		map.put("controller.port", String.valueOf(this.props.controllerPort()));
		map.put("controller.vip.host", this.props.host());
		map.put("controller.vip.port", String.valueOf(this.props.controllerPort()));
		map.put("controller.zk.str", this.props.zkAddress());
		map.put("controller.helix.cluster.name", this.props.cluster());
		map.put("controller.data.dir", dir("controller/deepstore"));
		map.put("controller.local.temp.dir", dir("controller/tmp"));
		map.put("controller.task.scheduler.enabled", "true");
		// Repair consuming segments that failed (e.g. a commit while Kafka was down)
		// within a minute, not an hour.
		map.put("controller.realtime.segment.validation.frequencyPeriod", "1m");
		map.put("controller.realtime.segment.validation.initialDelayInSeconds", "30");
		return new PinotConfiguration(map);
	}

	PinotConfiguration broker() {
		Map<String, Object> map = common();
		map.put("pinot.broker.hostname", this.props.host());
		map.put("pinot.broker.client.queryPort", String.valueOf(this.props.brokerPort()));
		map.put("pinot.broker.timeoutMs", "10000");
		return new PinotConfiguration(map);
	}

	PinotConfiguration server() {
		Map<String, Object> map = common();
		map.put("pinot.server.netty.host", this.props.host());
		map.put("pinot.server.netty.port", String.valueOf(this.props.serverPort()));
		map.put("pinot.server.adminapi.port", String.valueOf(this.props.serverAdminPort()));
		map.put("pinot.server.grpc.port", String.valueOf(this.props.serverGrpcPort()));
		map.put("pinot.server.instance.dataDir", dir("server/index"));
		map.put("pinot.server.instance.segmentTarDir", dir("server/segmentTar"));
		map.put("pinot.server.instance.readMode", "mmap");
		map.put("pinot.server.instance.realtime.alloc.offheap", "true");
		// one sealing segment builds its indexes and star-trees at a time (Pinot's
		// default is 4): with the feed spread evenly every partition seals within
		// seconds of the others, and parallel builds took both cores from the queries
		map.put("pinot.server.instance.realtime.max.parallel.segment.builds", "1");
		return new PinotConfiguration(map);
	}

	PinotConfiguration minion() {
		Map<String, Object> map = common();
		map.put("pinot.minion.host", this.props.host());
		map.put("pinot.minion.port", String.valueOf(this.props.minionPort()));
		map.put("dataDir", dir("minion"));
		return new PinotConfiguration(map);
	}

	private Map<String, Object> common() {
		Map<String, Object> map = new HashMap<>();
		map.put("pinot.zk.server", this.props.zkAddress());
		map.put("pinot.cluster.name", this.props.cluster());
		// Helix would otherwise register the machine's first non-loopback address.
		map.put("pinot.set.instance.id.to.hostname", "false");
		return map;
	}

	private String dir(String relative) {
		return this.props.dataDir().resolve(relative).toString();
	}

}
