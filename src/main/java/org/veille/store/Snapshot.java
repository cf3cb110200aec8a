package org.veille.store;

import java.nio.file.Path;

/**
 * A backup of a store, as checked: its schema version and what it holds. A backup keeps everything
 * the store keeps: items with their sanitized HTML, sources with their fetch state (validators,
 * failures, back-off), the fetch log, the delivery ledger, and the index marks.
 */
public record Snapshot(
    Path file, int schema, long sources, long items, long deliveries, long bytes) {

  /** One line for the operator: "1,234 items, 12 sources, 40 deliveries, 3.2 MB". */
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%,d items, %,d sources, %,d deliveries, %.1f MB",
        items,
        sources,
        deliveries,
        bytes / 1e6);
  }
}
