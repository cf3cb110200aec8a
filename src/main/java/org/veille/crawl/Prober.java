package org.veille.crawl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.veille.config.Config;
import org.veille.config.SourceConfig;
import org.veille.fetch.Fetcher;
import org.veille.parse.PageParser;
import org.veille.store.FetchRecord;

/**
 * Fetches each source once, without validators and without storing anything, and says what it
 * found: for {@code veille sources check}.
 */
public final class Prober {
  private final SourceReader reader;
  private final HostPool<SourceConfig, ProbeResult> pool;
  private final java.time.Clock clock;

  public Prober(Config config, Fetcher fetcher, java.time.Clock clock) {
    this.reader = new SourceReader(fetcher, new PageParser(config.settings().timezone()));
    this.clock = clock;
    this.pool =
        new HostPool<>(
            s -> s.url().getHost().toLowerCase(Locale.ROOT),
            config.settings().fetch().perHostDelay(),
            config.settings().fetch().concurrency());
  }

  /** Probes {@code sources}; results come back in the order of the list. */
  public List<ProbeResult> probe(List<SourceConfig> sources) throws InterruptedException {
    List<ProbeResult> out = new ArrayList<>();
    pool.run(
        sources,
        this::probe,
        (s, e) -> new ProbeResult(s.id(), false, null, 0, "internal error: " + e, null),
        out::addAll);
    List<String> order = sources.stream().map(SourceConfig::id).toList();
    out.sort(Comparator.comparingInt(r -> order.indexOf(r.sourceId())));
    return out;
  }

  private ProbeResult probe(SourceConfig s) throws InterruptedException {
    FetchRecord r = reader.read(s, s.url(), null, null, clock.instant());
    String discovered = r.transfer().discoveredFeedUrl();
    return switch (r.outcome()) {
      case OK ->
          new ProbeResult(
              s.id(),
              true,
              r.format()
                  + (r.feed().truncated()
                      ? " (truncated)"
                      : r.feed().recovered() ? " (recovered)" : ""),
              r.items().size(),
              null,
              discovered);
      case NOT_MODIFIED -> new ProbeResult(s.id(), true, "not modified", 0, null, discovered);
      case FAILED, SKIPPED -> new ProbeResult(s.id(), false, null, 0, r.error(), discovered);
    };
  }
}
