package io.flare.infra.provisioning;

/**
 * What the provisioner did to one object.
 *
 * @param kind {@code topic}, {@code schema} or {@code table}
 * @param name the object's name (tables with their type, e.g. {@code events_REALTIME})
 * @param action what happened
 * @param detail a human-readable detail, possibly empty
 */
public record Outcome(String kind, String name, Action action, String detail) {

	/** Kind of a Kafka topic. */
	public static final String TOPIC = "topic";

	/** Kind of a Pinot schema. */
	public static final String SCHEMA = "schema";

	/** Kind of a Pinot table. */
	public static final String TABLE = "table";

	/**
	 * What happened to an object.
	 */
	public enum Action {

		/** It did not exist and was created. */
		CREATED,

		/** It existed with a different definition and was updated. */
		UPDATED,

		/** It existed as defined; nothing was sent. */
		UNCHANGED,

		/**
		 * It was left alone, but differs from what the repository wants in a way the
		 * provisioner never fixes.
		 */
		WARNING

	}

	@Override
	public String toString() {
		return String.format("%-6s %-24s %-9s %s", this.kind, this.name, this.action, this.detail).strip();
	}

}
