package io.flare.query.catalog;

import io.flare.query.FlareProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the table catalog once at start-up.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	@Bean
	TableCatalog tableCatalog(FlareProperties flare) {
		return CatalogLoader.load(flare.root());
	}

}
