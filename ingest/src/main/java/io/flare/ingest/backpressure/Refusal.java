package io.flare.ingest.backpressure;

import java.time.Duration;

/**
 * Why a request was refused and when it may be retried.
 *
 * @param reason a short tag, e.g. {@code in_flight} or {@code rate_limit}
 * @param detail a sentence for the caller
 * @param retryAfter when a retry may succeed
 */
public record Refusal(String reason, String detail, Duration retryAfter) {

}
