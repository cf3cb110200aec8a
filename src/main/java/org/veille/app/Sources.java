package org.veille.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.config.Settings;
import org.veille.config.SourceConfig;
import org.veille.crawl.ProbeResult;
import org.veille.crawl.Prober;
import org.veille.digest.DigestRenderer;
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

  /**
   * What the config holds beyond what loading it checks: errors that would stop a crawl or a digest
   * (the enrichment chain as a crawl builds it, the templates beside the config), and warnings for
   * what would fail later in this environment (an SMTP password variable that is not set).
   */
  public record Validation(List<String> errors, List<String> warnings) {
    public Validation {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }
  }

  /** Validates the whole config as crawl, digest and send will use it; changes nothing. */
  public Validation validate() throws ConfigException {
    Config config = ctx.config();
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    ctx.backends().enricher(config); // the chain a crawl runs: topic queries and every step
    errors.addAll(new DigestRenderer(config).templateProblems());
    Settings.Smtp smtp = config.settings().smtp();
    if (smtp.username() != null && !smtp.username().isBlank() && smtp.passwordEnv() != null) {
      String password = ctx.env().get(smtp.passwordEnv());
      if (password == null || password.isEmpty()) {
        warnings.add(
            "settings.smtp.password_env: "
                + smtp.passwordEnv()
                + " is not set here, so 'veille send' would fail to log in as "
                + smtp.username());
      }
    }
    return new Validation(errors, warnings);
  }

  /**
   * The feeds that configured pages led to (a feed source whose address is an HTML page with a feed
   * link), by source id, as the last crawl found them.
   */
  public Map<String, java.net.URI> discoveredFeeds() throws ConfigException {
    Map<String, java.net.URI> feeds = new java.util.LinkedHashMap<>();
    try (Store store = ctx.openStore()) {
      for (SourceConfig s : ctx.config().sources()) {
        store
            .sources()
            .state(s.id())
            .flatMap(st -> st.discoveredFeedUrl())
            .ifPresent(u -> feeds.put(s.id(), java.net.URI.create(u)));
      }
    }
    return feeds;
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
