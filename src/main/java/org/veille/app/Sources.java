package org.veille.app;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.config.SourceConfig;
import org.veille.crawl.ProbeResult;
import org.veille.crawl.Prober;
import org.veille.fetch.Fetcher;
import org.veille.store.SourceStatus;
import org.veille.store.Store;

/** The sources of the config, as the store knows them, and probed once on demand. */
public final class Sources {
  private final Context ctx;

  public Sources(Context ctx) {
    this.ctx = ctx;
  }

  /** A configured source with what the store knows of it ({@code status} null if never seen). */
  public record Health(SourceConfig config, SourceStatus status) {}

  /** Every configured source, in config order, with its stored status. */
  public List<Health> list() throws ConfigException {
    Config config = ctx.config();
    Map<String, SourceStatus> byId;
    try (Store store = ctx.openStore()) {
      byId =
          store.sources().statuses().stream()
              .collect(Collectors.toMap(SourceStatus::id, Function.identity()));
    }
    return config.sources().stream().map(c -> new Health(c, byId.get(c.id()))).toList();
  }

  /** Fetches each of {@code sources} once and says what it holds; stores nothing. */
  public List<ProbeResult> probe(List<SourceConfig> sources)
      throws ConfigException, InterruptedException {
    Config config = ctx.config();
    try (Fetcher fetcher = ctx.backends().fetcher(config)) {
      return new Prober(config, fetcher, ctx.clock()).probe(sources);
    }
  }
}
