package io.flare.gateway.changes;

import java.util.List;

/**
 * Receives the events the change tracker saw, and Pinot's ingestion progress, which says
 * when those events can be queried.
 */
public interface EventListener {

	/**
	 * Takes note of a batch of events, on the tracker's thread; must return quickly. An
	 * event with a stream position is not queryable yet: it becomes so when
	 * {@link #onProgress} shows Pinot consumed past it.
	 * @param events the events, in no particular order
	 */
	void onEvents(List<ObservedEvent> events);

	/**
	 * Whether some events wait to become queryable (Pinot's progress is read only then).
	 * @return whether some do
	 */
	boolean hasPending();

	/**
	 * Takes Pinot's ingestion progress into account.
	 * @param progress the progress (possibly unknown)
	 */
	void onProgress(IngestionState progress);

}
