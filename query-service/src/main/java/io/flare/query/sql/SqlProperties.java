package io.flare.query.sql;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SQL drill-down endpoint's bounds.
 *
 * @param allowedTables the tables a statement may read
 * @param defaultLimit the LIMIT added when a statement has none
 * @param maxLimit the largest LIMIT (and OFFSET + LIMIT) accepted
 * @param timeout how long a statement may run (Pinot stops it, the client stops waiting)
 * @param maxResultChars the largest result, counted in characters of its cells
 * @param maxStatementChars the longest statement accepted
 * @param tokens bearer tokens allowed to read raw events ({@code POST /v1/sql} and
 * drill-down); empty: anyone who can reach the service may (logged as a warning)
 */
@ConfigurationProperties("flare.sql")
@Validated
public record SqlProperties(@DefaultValue("events") Set<String> allowedTables,
		@DefaultValue("1000") @Min(1) int defaultLimit, @DefaultValue("10000") @Min(1) @Max(1_000_000) int maxLimit,
		@DefaultValue("3s") Duration timeout, @DefaultValue("8000000") long maxResultChars,
		@DefaultValue("10000") int maxStatementChars, @DefaultValue Set<String> tokens) {

}
