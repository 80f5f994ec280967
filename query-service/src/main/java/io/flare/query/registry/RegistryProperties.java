package io.flare.query.registry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The metric registry.
 *
 * @param pollInterval how often each instance checks the registry for changes (a change
 * is live everywhere within this plus one query)
 * @param loadFiles whether {@code metrics/*.yaml} is loaded into the registry at start-up
 * @param dryRunTimeout how long the dry run of a new definition against Pinot may take
 */
@ConfigurationProperties("flare.registry")
public record RegistryProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("true") boolean loadFiles,
		@DefaultValue("5s") Duration dryRunTimeout) {

}
