package io.flare.ingest.hotkeys;

/**
 * One heavy hitter of a category.
 *
 * @param entityId the entity
 * @param estimate the estimated number of its events in the window
 * @param lowerBound a guaranteed lower bound of that number
 * @param upperBound a guaranteed upper bound of that number
 * @param share the estimate as a share of the category's events in the window
 */
public record HotKey(String entityId, long estimate, long lowerBound, long upperBound, double share) {

}
