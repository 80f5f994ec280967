package io.flare.query.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.flare.query.FlareProperties;
import io.flare.query.definition.DefinitionCodec;
import io.flare.query.definition.InvalidDefinitionException;
import io.flare.query.definition.MetricDefinition;
import io.flare.query.pinot.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads {@code metrics/*.yaml} into the registry at start-up. A file is stored as a new
 * version only when its content changed since it was last loaded, so an edit made through
 * the API survives restarts until the file itself changes. Invalid files are logged and
 * skipped (the build's tests validate every file); when Pinot cannot be reached the dry
 * run is skipped with a warning.
 */
@Component
class MetricFileLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(MetricFileLoader.class);

	private final MetricRegistry registry;

	private final DefinitionAdmission admission;

	private final Path directory;

	private final boolean enabled;

	MetricFileLoader(MetricRegistry registry, DefinitionAdmission admission, FlareProperties flare,
			RegistryProperties properties) {
		this.registry = registry;
		this.admission = admission;
		this.directory = flare.root().resolve("metrics");
		this.enabled = properties.loadFiles();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled || !Files.isDirectory(this.directory)) {
			LOG.info("Not loading metric files (enabled: {}, directory {})", this.enabled, this.directory);
			return;
		}
		int loaded = 0;
		for (Path file : files()) {
			loaded += load(file) ? 1 : 0;
		}
		this.registry.refresh();
		LOG.info("Metric files in {}: {} new or changed", this.directory, loaded);
	}

	private boolean load(Path file) {
		String fileName = file.getFileName().toString();
		String name = fileName.substring(0, fileName.lastIndexOf('.'));
		try {
			MetricDefinition definition = DefinitionCodec.fromYaml(Files.readString(file), name);
			admit(definition);
			return this.registry.loadFromFile(definition, "file:metrics/" + fileName);
		}
		catch (InvalidDefinitionException ex) {
			LOG.error("Skipping {}: {}", file, ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			LOG.error("Skipping {}: {}", file, ex.toString());
		}
		return false;
	}

	private void admit(MetricDefinition definition) {
		try {
			this.admission.admit(definition).block();
		}
		catch (QueryExecutionException ex) {
			if (!ex.retriable()) {
				throw ex;
			}
			this.admission.validate(definition);
			LOG.warn("Loaded {} without a dry run: {}", definition.name(), ex.getMessage());
		}
	}

	private List<Path> files() {
		try (Stream<Path> list = Files.list(this.directory)) {
			return list.filter((file) -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + this.directory + ": " + ex.getMessage(), ex);
		}
	}

}
