package io.flare.ingest.hotkeys;

import java.util.List;

/**
 * The heavy hitters of one category over the window.
 *
 * @param category the category
 * @param events how many events of the category the window holds
 * @param top the heaviest entities, heaviest first
 */
public record CategoryHotKeys(String category, long events, List<HotKey> top) {

}
