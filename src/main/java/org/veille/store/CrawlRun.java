package org.veille.store;

import java.time.Instant;

/** A finished crawl run: when, how many sources it tried, how many failed, how many new items. */
public record CrawlRun(Instant at, int sources, int failed, int newItems) {
  /** "ok", "partial" (some sources failed) or "failed" (all did). */
  public String outcome() {
    return failed == 0 ? "ok" : failed >= sources ? "failed" : "partial";
  }
}
