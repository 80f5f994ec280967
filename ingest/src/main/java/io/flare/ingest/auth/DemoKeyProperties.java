package io.flare.ingest.auth;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo key the local platform creates at start-up, so the simulator can post events.
 * Never enable it in production.
 *
 * @param enabled whether to create (or reuse) the demo key at start-up
 * @param name the key's name
 * @param sources the sources it may write: the simulator's feeds by default
 * @param value the key itself, so a launcher can hand it to the simulator; a random key
 * is generated when unset
 */
@ConfigurationProperties("flare.ingest.demo-key")
public record DemoKeyProperties(@DefaultValue("false") boolean enabled, @DefaultValue("demo") String name,
		@DefaultValue( {
				"reelwire", "marquee-feed", "scoreline", "pitchside-data", "gatepass", "seatdrop-exchange",
				"newsdesk-wire", "pressline", "civic-bulletin" }) List<String> sources,
		@Nullable String value){

}
