package io.flare.query.window;

import java.util.Map;
import java.util.Set;

/**
 * Told which 10-second buckets of which sources received rows since the last scan, so
 * anything cached for them can be dropped.
 */
public interface LateDataListener {

	/**
	 * Rows were ingested into these buckets.
	 * @param bySource the starts of the touched {@code bucket10s} (epoch millis) by
	 * source
	 */
	void bucketsTouched(Map<String, Set<Long>> bySource);

}
