package io.flare.query.pinot;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a Pinot query that is taking longer than usual gets a second copy, whichever
 * answers first being the answer (see {@link HedgingQueryExecutor}).
 *
 * @param enabled whether slow queries are hedged at all
 * @param quantile the copy is sent once the query has been waiting longer than this
 * quantile of the recent answer times of queries of its shape
 * @param minDelay never sooner than this after the first
 * @param maxDelay a shape whose quantile is longer than this is never hedged: a query
 * that heavy is not worth running twice
 * @param budget at most this fraction of queries, over time, get a copy: when Pinot is
 * slow for everyone, copies would only add to its load
 */
@ConfigurationProperties("flare.pinot.hedge")
@Validated
public record HedgeProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("0.95") @DecimalMin("0.5") @DecimalMax("0.999") double quantile,
		@DefaultValue("10ms") @NotNull Duration minDelay, @DefaultValue("250ms") @NotNull Duration maxDelay,
		@DefaultValue("0.1") @DecimalMin("0") @DecimalMax("1") double budget) {

	public HedgeProperties {
		if (minDelay != null && maxDelay != null && (minDelay.isNegative() || minDelay.compareTo(maxDelay) > 0)) {
			throw new IllegalArgumentException("flare.pinot.hedge.min-delay (" + minDelay
					+ ") must be between 0 and flare.pinot.hedge.max-delay (" + maxDelay + ")");
		}
	}

}
