package org.veille.crawl;

import java.time.Instant;
import java.util.Optional;
import org.veille.store.FetchRecord;
import org.veille.store.SaveResult;

/**
 * One source's part in a run: its fetch (without the items, which are stored by then), how many
 * items it held, and how many of them were new or changed.
 */
public record SourceReport(FetchRecord fetch, int itemsFound, int newItems, int updatedItems) {

  public SourceReport {
    fetch = fetch.withoutItems();
  }

  /** The report of a stored fetch. */
  static SourceReport of(FetchRecord fetch, SaveResult saved) {
    return new SourceReport(fetch, fetch.items().size(), saved.newItems(), saved.updatedItems());
  }

  /** The report of a source that was not stored (skipped, or only probed). */
  static SourceReport unsaved(FetchRecord fetch) {
    return new SourceReport(fetch, fetch.items().size(), 0, 0);
  }

  public String sourceId() {
    return fetch.sourceId();
  }

  public FetchRecord.Outcome outcome() {
    return fetch.outcome();
  }

  /** What was parsed (rss_2.0, atom_1.0, html-page…), or null when nothing was. */
  public String format() {
    return fetch.format();
  }

  /** Set when the outcome is FAILED or SKIPPED. */
  public String error() {
    return fetch.error();
  }

  public Optional<String> errorMessage() {
    return Optional.ofNullable(error());
  }

  /** When the source will be tried again after failures (null when it is healthy). */
  public Instant nextAttempt() {
    return fetch.nextAttemptAt();
  }

  public long durationMs() {
    return fetch.transfer().durationMs();
  }
}
