package org.veille.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.config.Config;
import org.veille.enrich.Enricher;
import org.veille.fetch.Fetcher;
import org.veille.index.Index;
import org.veille.index.LuceneIndex;
import org.veille.store.FetchRecord;
import org.veille.store.SqliteStore;
import org.veille.store.StoreException;
import org.veille.store.StoredItem;
import org.veille.store.Stores;
import org.veille.support.Fetches;
import org.veille.support.TestServer;
import org.veille.sync.IndexSync;

/** The crawl at its own level: a real HTTP server, a real SQLite store and Lucene index. */
class CrawlerTest {
  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private Config config() throws Exception {
    String yaml =
        """
        settings:
          fetch: {timeout: 2s, max_bytes: 1MB, concurrency: 4, per_host_delay: 0s, retries: 0}
        topics:
          - {id: smart-city, query: '"ville intelligente" OR "smart city" OR numérique'}
        sources:
          - {id: gazette, url: "%1$s/gazette.xml"}
          - {id: localtis, url: "%1$s/localtis.xml"}
          - {id: down, url: "%1$s/missing.xml"}
        """
            .formatted(server.base());
    return Config.parse(dir.resolve("feeds.yaml"), yaml, Fetches.checks());
  }

  /** Runs one crawl of every source with {@code enricher}, at {@code at}. */
  private CrawlReport crawl(Config config, Enricher enricher, Instant at) throws Exception {
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      return crawl(store, config, enricher, at);
    }
  }

  private CrawlReport crawl(SqliteStore store, Config config, Enricher enricher, Instant at)
      throws Exception {
    try (Index index = LuceneIndex.open(dir.resolve("index"));
        Fetcher fetcher = new Fetcher(config.settings().fetch(), "VeilleTest/1.0")) {
      return new Crawler(
              config,
              store,
              fetcher,
              enricher,
              new IndexSync(store, index, config.topics()),
              Clock.fixed(at, ZoneOffset.UTC))
          .run(config.sources(), false, CrawlListener.NONE);
    }
  }

  @Test
  void storesEnrichedItemsThenAsksOnlyForChanges() throws Exception {
    Config config = config();
    List<String> enrichedSources = Collections.synchronizedList(new ArrayList<>());
    Enricher recording =
        (source, items) -> {
          enrichedSources.add(source.id());
          return items.stream().map(i -> i.withTopics(List.of("smart-city"))).toList();
        };
    CrawlReport first = crawl(config, recording, NOW);
    assertEquals(3, first.sources());
    assertEquals(2, first.ok());
    assertEquals(1, first.failed(), "a missing feed fails alone");
    assertTrue(first.newItems() > 0);
    assertEquals(
        List.of("gazette", "localtis"),
        enrichedSources.stream().sorted().toList(),
        "the chain sees each fetched source once, never a failed one");
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      List<StoredItem> all = new ArrayList<>();
      store.items().forEach(org.veille.store.ItemFilter.all(), all::add);
      assertEquals(first.newItems(), all.size());
      assertTrue(all.stream().allMatch(i -> i.topics().equals(List.of("smart-city"))));
      assertEquals(all.size(), store.indexMarks().indexedCount(), "stored = indexed");
      assertEquals(1, store.sources().state("down").orElseThrow().consecutiveFailures());
    }
    CrawlReport second = crawl(config, recording, NOW.plusSeconds(60));
    assertEquals(2, second.notModified(), "validators give 304s");
    assertEquals(0, second.newItems());
    assertEquals(FetchRecord.Outcome.FAILED, outcome(second, "down"), "one failure: tried again");
    CrawlReport third = crawl(config, recording, NOW.plusSeconds(120));
    assertEquals(
        FetchRecord.Outcome.SKIPPED, outcome(third, "down"), "two in a row: it waits its back-off");
  }

  private static FetchRecord.Outcome outcome(CrawlReport r, String source) {
    return r.reports().stream()
        .filter(s -> s.sourceId().equals(source))
        .findFirst()
        .orElseThrow()
        .outcome();
  }

  @Test
  void anEnrichmentStepThatBreaksFailsItsSourceOnly() throws Exception {
    Config config = config();
    Enricher broken =
        (source, items) -> {
          if (source.id().equals("gazette")) {
            throw new StackOverflowError();
          }
          return items;
        };
    CrawlReport r = crawl(config, broken, NOW);
    SourceReport gazette =
        r.reports().stream().filter(s -> s.sourceId().equals("gazette")).findFirst().orElseThrow();
    assertEquals(FetchRecord.Outcome.FAILED, gazette.outcome());
    assertTrue(gazette.error().contains("StackOverflowError"), gazette.error());
    SourceReport localtis =
        r.reports().stream().filter(s -> s.sourceId().equals("localtis")).findFirst().orElseThrow();
    assertEquals(FetchRecord.Outcome.OK, localtis.outcome());
    assertFalse(localtis.newItems() == 0);
  }

  /** A regional news feed of {@code n} full articles, as a WordPress site publishes it. */
  private static byte[] wordpressFeed(int n) {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                + "<title>Actu Val-de-Marne</title><link>https://actu94.example/</link>");
    String paragraph =
        "<p>Le conseil de territoire a adopt&eacute; mardi soir le sch&eacute;ma directeur des"
            + " r&eacute;seaux de chaleur, qui pr&eacute;voit le raccordement de 12&nbsp;000"
            + " logements d&rsquo;ici 2030 et la cr&eacute;ation d&rsquo;une r&eacute;gie"
            + " publique. Les &eacute;lus de l&rsquo;opposition ont d&eacute;nonc&eacute; un"
            + " calendrier <em>trop serr&eacute;</em> et demand&eacute; une concertation avec"
            + " les bailleurs sociaux.</p>";
    for (int i = 1; i <= n; i++) {
      xml.append("<item><title>Réseau de chaleur : étape ")
          .append(i)
          .append(" du schéma directeur</title><link>https://actu94.example/2026/11/reseau-")
          .append(i)
          .append("/</link><guid isPermaLink=\"false\">https://actu94.example/?p=")
          .append(4000 + i)
          .append("</guid><pubDate>Mon, 23 Nov 2026 0")
          .append(i % 10)
          .append(":15:00 +0100</pubDate><description><![CDATA[")
          .append(paragraph)
          .append("]]></description><content:encoded><![CDATA[")
          .append(paragraph.repeat(8))
          .append("]]></content:encoded></item>");
    }
    return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFullDiskIsNamedAndTheNextCrawlCompletes() throws Exception {
    server.respond("/actu94.xml", 200, "application/rss+xml", wordpressFeed(60));
    Config config =
        Config.parse(
            dir.resolve("feeds.yaml"),
            """
            settings:
              fetch: {timeout: 2s, max_bytes: 2MB, concurrency: 2, per_host_delay: 0s, retries: 0}
            sources:
              - {id: actu94, url: "%s/actu94.xml"}
            """
                .formatted(server.base()),
            Fetches.checks());
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      store.sources().sync(config.sources()); // a store that exists, then the disk fills up
    }
    StoreException full;
    try (SqliteStore store = Stores.onFullDisk(dir.resolve("veille.db"))) {
      full = assertThrows(StoreException.class, () -> crawl(store, config, Enricher.NONE, NOW));
    }
    assertEquals(StoreException.Kind.FULL, full.kind());
    assertTrue(full.getMessage().startsWith("no space left on device "), full.getMessage());
    assertTrue(full.getMessage().contains(" for " + dir.toAbsolutePath()), full.getMessage());
    assertTrue(
        full.getMessage().contains("nothing from source actu94 was stored"), full.getMessage());
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      store.check();
      assertEquals(0, store.stats().items(), "nothing half-written");
    }
    CrawlReport after = crawl(config, Enricher.NONE, NOW.plusSeconds(60));
    assertEquals(1, after.ok(), "once space is back the crawl completes");
    assertEquals(60, after.newItems());
  }
}
