package org.veille.crawl;

import java.util.List;
import org.veille.store.FetchRecord.Outcome;

/**
 * The outcome of a crawl run, as {@code crawl --format json} reports it. {@code ok} counts sources
 * fetched without error, {@code notModified} included; {@code skipped} counts sources left alone
 * because they are backed off after repeated failures.
 */
public record CrawlReport(
    int sources,
    int ok,
    int notModified,
    int failed,
    int skipped,
    int newItems,
    int updatedItems,
    long durationMs,
    List<SourceReport> reports) {

  public CrawlReport {
    reports = List.copyOf(reports);
  }

  /** The totals of these source reports. */
  static CrawlReport of(List<SourceReport> reports, long ms) {
    int ok = 0;
    int notModified = 0;
    int failed = 0;
    int skipped = 0;
    int added = 0;
    int updated = 0;
    for (SourceReport r : reports) {
      switch (r.outcome()) {
        case OK -> ok++;
        case NOT_MODIFIED -> {
          ok++;
          notModified++;
        }
        case FAILED -> failed++;
        case SKIPPED -> skipped++;
      }
      added += r.newItems();
      updated += r.updatedItems();
    }
    return new CrawlReport(
        reports.size(), ok, notModified, failed, skipped, added, updated, ms, reports);
  }

  /** The counts in words: "3 ok (1 not modified), 1 failed, 0 skipped; 12 new items, 2 updated". */
  public String counts() {
    return String.format(
        "%d ok (%d not modified), %d failed, %d skipped; %d new %s, %d updated",
        ok, notModified, failed, skipped, newItems, newItems == 1 ? "item" : "items", updatedItems);
  }

  /** True when there were sources to fetch and every one fetched failed. */
  public boolean allFailed() {
    return failed > 0 && failed == sources - skipped;
  }

  public List<SourceReport> errors() {
    return reports.stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
  }
}
