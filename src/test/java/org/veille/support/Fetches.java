package org.veille.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.veille.config.Checks;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.parse.ParsedItem;
import org.veille.store.EnrichedItem;
import org.veille.store.FetchRecord;
import org.veille.wiring.Wiring;

/** The one way tests build fetch records (and load configs) without running a crawl. */
public final class Fetches {
  private Fetches() {}

  /** A 200 with validators and these items, untagged. */
  public static FetchRecord ok(String source, Instant at, List<ParsedItem> items) {
    return ok(source, at, items, List.of());
  }

  /**
   * A 200 with validators; {@code topics} is parallel to {@code items} (empty: none are tagged).
   */
  public static FetchRecord ok(
      String source, Instant at, List<ParsedItem> items, List<List<String>> topics) {
    List<EnrichedItem> enriched = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      enriched.add(new EnrichedItem(items.get(i), topics.isEmpty() ? List.of() : topics.get(i)));
    }
    return FetchRecord.ok(
        source,
        at,
        new FetchRecord.Transfer(200, 10, 100, "\"e1\"", "Mon, 23 Nov 2026 08:00:00 GMT", null),
        new FetchRecord.Feed("Feed", "rss_2.0", false),
        enriched);
  }

  /** A failure after {@code failures} in a row, to be tried again at {@code next}. */
  public static FetchRecord failed(
      String source, Instant at, int httpStatus, String error, int failures, Instant next) {
    return FetchRecord.failed(
            source,
            at,
            new FetchRecord.Transfer(httpStatus, 5, 0, null, null, null),
            FetchRecord.Problem.of(error))
        .withBackoff(failures, next);
  }

  /** A config file read with every stage's checks, as the command line reads it. */
  public static Config config(java.nio.file.Path file) throws ConfigException {
    return Config.load(file, checks());
  }

  public static Checks checks() {
    return new Wiring().checks();
  }
}
