package io.flare.gateway.subscription;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How shared evaluations are scheduled.
 *
 * @param tick how often due subscriptions are re-evaluated (each distinct query at most
 * once per tick); a query whose events Pinot just made queryable is evaluated at once
 * @param settle how long a query stays dirty once an event that touches it is queryable
 * in Pinot: the evaluations within it (one per tick) catch rows that Pinot reported
 * consumed a moment before a query could see them
 * @param maxConcurrent how many evaluations may be in flight at once
 */
@Validated
@ConfigurationProperties("flare.gateway.evaluation")
public record EvaluationProperties(@DefaultValue("500ms") Duration tick, @DefaultValue("1s") Duration settle,
		@DefaultValue("4") @Min(1) @Max(64) int maxConcurrent) {

}
