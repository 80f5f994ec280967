package io.flare.gateway.push;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One message of a subscription.
 *
 * @param type {@code snapshot} (the whole result) or {@code diff} (what changed since
 * {@code baseSeq})
 * @param seq the version of the result this message brings the client to
 * @param baseSeq for a diff, the version it applies to; a client holding another version
 * has missed a message and must resubscribe for a snapshot
 * @param result a snapshot's whole result; a diff's result without {@code values} and
 * {@code buckets} (its freshness and completeness metadata)
 * @param changes for a diff, what changed
 */
public record Update(String type, long seq, @Nullable Long baseSeq, JsonNode result, @Nullable ResultDiff changes) {

	/** The type of a message holding the whole result. */
	public static final String SNAPSHOT = "snapshot";

	/** The type of a message holding changes. */
	public static final String DIFF = "diff";

}
