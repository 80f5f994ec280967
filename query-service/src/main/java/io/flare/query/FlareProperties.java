package io.flare.query;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Flare repository is: the query service reads {@code schemas/},
 * {@code table-configs/} and {@code metrics/} under it.
 *
 * @param root the repository root (the platform launcher passes {@code --flare.root})
 */
@ConfigurationProperties("flare")
public record FlareProperties(@DefaultValue(".") Path root) {

}
