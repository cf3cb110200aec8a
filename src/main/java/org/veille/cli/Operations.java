package org.veille.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.veille.config.Config;
import org.veille.config.SourceConfig;
import org.veille.crawl.CrawlListener;
import org.veille.crawl.CrawlReport;
import org.veille.crawl.Crawler;
import org.veille.crawl.IndexSync;
import org.veille.digest.Digest;
import org.veille.digest.DigestArchive;
import org.veille.digest.DigestBuilder;
import org.veille.digest.DigestRenderer;
import org.veille.digest.Period;
import org.veille.fetch.Fetcher;
import org.veille.index.LuceneIndex;
import org.veille.mail.Letter;
import org.veille.mail.Mailer;
import org.veille.mail.SendReport;
import org.veille.store.SqliteStore;
import org.veille.store.WriterLock;

/**
 * The two units of work that the CLI and the daemon share: a crawl, and the newsletter of a period.
 * Each takes the data folder's writer lock for its duration only.
 */
final class Operations {
  private Operations() {}

  /**
   * Crawls {@code sources} under the writer lock. {@code running} (nullable) holds the crawler
   * while it runs, so that another thread can {@link Crawler#stop()} it.
   */
  static CrawlReport crawl(
      AppContext ctx,
      List<SourceConfig> sources,
      boolean force,
      CrawlListener listener,
      Duration lockWait,
      Consumer<String> onWait,
      AtomicReference<Crawler> running)
      throws Exception {
    Config config = ctx.config();
    var tagger = ctx.tagger();
    try (WriterLock lock = WriterLock.acquire(ctx.dataDir(), lockWait, onWait);
        SqliteStore store = ctx.openStore();
        LuceneIndex index = ctx.openIndex();
        Fetcher fetcher = ctx.fetcher()) {
      Crawler crawler =
          new Crawler(
              config,
              store,
              fetcher,
              tagger,
              new IndexSync(store, index, config.topics()),
              ctx.clock());
      if (running != null) {
        running.set(crawler);
      }
      try {
        return crawler.run(sources, force, listener);
      } finally {
        if (running != null) {
          running.set(null);
        }
      }
    }
  }

  /** The letters of a digest: the partners' one and the editor's one (with the broken sources). */
  record Letters(Letter partners, Letter editor, Digest digest) {}

  static Letters letters(Config config, SqliteStore store, Period period) {
    Digest digest = new DigestBuilder(config, store).build(period);
    DigestRenderer r = new DigestRenderer(config);
    List<String> broken = broken(config, store);
    return new Letters(letter(r, digest, List.of()), letter(r, digest, broken), digest);
  }

  private static Letter letter(DigestRenderer r, Digest d, List<String> broken) {
    return new Letter(
        d.period().name(),
        r.subject(d),
        r.render(d, DigestRenderer.Format.TEXT, broken),
        r.render(d, DigestRenderer.Format.HTML, broken));
  }

  /**
   * Publishes the digest of {@code period} and sends it to everyone still owed it, under the writer
   * lock.
   */
  static SendReport newsletter(
      AppContext ctx, Period period, Duration lockWait, Consumer<String> onWait) throws Exception {
    Config config = ctx.config();
    var nl = config.settings().newsletter();
    try (WriterLock lock = WriterLock.acquire(ctx.dataDir(), lockWait, onWait);
        SqliteStore store = ctx.openStore()) {
      Letters l = letters(config, store, period);
      new DigestArchive(ctx.dataDir().resolve("digests"), config)
          .publish(l.digest(), new DigestRenderer(config));
      return new Mailer(config.settings(), ctx.env(), store, ctx.clock())
          .send(l.partners(), l.editor(), Mailer.audience(nl), nl.editorAddress().orElse(null));
    }
  }

  /** Enabled sources that need the editor's attention, with why. */
  private static List<String> broken(Config config, SqliteStore store) {
    List<String> out = new java.util.ArrayList<>();
    for (org.veille.store.SourceStatus s : store.sourceStatuses()) {
      boolean enabled = config.source(s.id()).map(c -> c.enabled()).orElse(false);
      if (enabled && !s.healthy()) {
        out.add(
            s.id()
                + " — "
                + (s.brokenSelector() ? "broken selector" : s.lastError())
                + " ("
                + s.consecutiveFailures()
                + " failures in a row)");
      }
    }
    return out;
  }
}
