package org.veille.crawl;

import java.util.List;

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

  public List<SourceReport> errors() {
    return reports.stream().filter(r -> r.outcome() == SourceReport.Outcome.FAILED).toList();
  }
}
