package io.flare.gateway.changes;

import java.util.List;

/**
 * Receives the events the change tracker saw, batch by batch, on the tracker's thread.
 */
public interface EventListener {

	/**
	 * Takes note of a batch of events; must return quickly.
	 * @param events the events, in no particular order
	 */
	void onEvents(List<ObservedEvent> events);

}
