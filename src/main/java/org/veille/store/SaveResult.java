package org.veille.store;

import java.util.List;

/**
 * What saving a fetch changed: items stored for the first time, items whose title or summary
 * changed, and the ids of both (for indexing).
 */
public record SaveResult(int newItems, int updatedItems, List<String> changedIds) {
  public SaveResult {
    changedIds = List.copyOf(changedIds);
  }
}
