package io.flare.benchmarks.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Names one benchmark run after its UTC start second: {@code 20261129t061502} in Kafka
 * topic and Pinot table names (lower case, no separators Pinot dislikes), and
 * {@code 20261129T061502Z} in file names.
 *
 * @param start when the run started, to the second
 */
public record RunId(Instant start) {

	private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
		.withZone(ZoneOffset.UTC);

	public RunId {
		start = start.truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * The id for names in Kafka and Pinot.
	 * @return e.g. {@code 20261129t061502}
	 */
	public String value() {
		return COMPACT.format(this.start).toLowerCase(Locale.ROOT);
	}

	/**
	 * The UTC timestamp for file names.
	 * @return e.g. {@code 20261129T061502Z}
	 */
	public String timestamp() {
		return COMPACT.format(this.start) + "Z";
	}

	@Override
	public String toString() {
		return value();
	}

}
