package io.flare.query.pinot;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Pinot is and how long to wait for it.
 *
 * @param brokerUrl the broker's HTTP address (queries)
 * @param controllerUrl the controller's HTTP address (ingestion offsets)
 * @param queryTimeout how long a metric query may take, enforced by Pinot
 * ({@code timeoutMs}) and by the client
 * @param connectTimeout how long connecting to the broker may take
 */
@ConfigurationProperties("flare.pinot")
@Validated
public record PinotProperties(@DefaultValue("http://127.0.0.1:8099") @NotNull URI brokerUrl,
		@DefaultValue("http://127.0.0.1:9000") @NotNull URI controllerUrl,
		@DefaultValue("5s") @NotNull Duration queryTimeout, @DefaultValue("2s") @NotNull Duration connectTimeout) {

}
