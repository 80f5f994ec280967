package io.flare.ingest.hotkeys;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The heavy-hitter sketches.
 *
 * @param window the sliding window the counts cover
 * @param slices how many slices the window is cut into; it slides by one slice
 * @param maxMapSize the sketch's map size (a power of two); the count error is about 3.5
 * / maxMapSize of the window's events
 * @param maxCategories the most categories tracked; further ones are ignored
 * @param top how many entities per category the API and gauges report by default
 */
@ConfigurationProperties("flare.ingest.hot-keys")
@Validated
public record HotKeysProperties(@DefaultValue("60s") Duration window, @DefaultValue("6") @Min(1) @Max(60) int slices,
		@DefaultValue("1024") @Min(8) int maxMapSize, @DefaultValue("256") @Min(1) int maxCategories,
		@DefaultValue("10") @Min(1) int top) {

	public HotKeysProperties {
		if (Integer.bitCount(maxMapSize) != 1) {
			throw new IllegalArgumentException(
					"flare.ingest.hot-keys.max-map-size must be a power of two but was " + maxMapSize);
		}
		if (window.toMillis() < slices) {
			throw new IllegalArgumentException("flare.ingest.hot-keys.window must be at least one ms per slice");
		}
	}

	long sliceMillis() {
		return this.window.toMillis() / this.slices;
	}

}
