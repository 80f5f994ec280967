package io.flare.ingest;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.flare.ingest.api.HttpProperties;
import io.flare.ingest.backpressure.BackpressureProperties;
import io.flare.ingest.backpressure.InFlightLimiter;
import io.flare.ingest.backpressure.SourceRateLimiter;
import io.flare.ingest.hotkeys.HotKeyTracker;
import io.flare.ingest.hotkeys.HotKeysProperties;
import io.flare.ingest.validation.BatchReader;
import io.flare.ingest.validation.EventValidator;
import io.flare.ingest.validation.ValidationProperties;

/** The pieces both ingestion paths share: rules, bounds, sketches, metrics, the clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ValidationProperties.class, BackpressureProperties.class, HotKeysProperties.class })
class IngestConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	EventValidator eventValidator(ValidationProperties properties) {
		return new EventValidator(properties);
	}

	@Bean
	BatchReader batchReader(HttpProperties http) {
		return new BatchReader(http.maxBatchEvents(), http.maxJsonString());
	}

	@Bean
	IngestMetrics ingestMetrics(MeterRegistry meters) {
		return new IngestMetrics(meters);
	}

	@Bean
	InFlightLimiter inFlightLimiter(BackpressureProperties properties, MeterRegistry meters) {
		return new InFlightLimiter(properties, meters);
	}

	@Bean
	SourceRateLimiter sourceRateLimiter(BackpressureProperties properties) {
		return new SourceRateLimiter(properties);
	}

	@Bean
	HotKeyTracker hotKeyTracker(HotKeysProperties properties, Clock clock, MeterRegistry meters) {
		return new HotKeyTracker(properties, clock, meters);
	}

}
