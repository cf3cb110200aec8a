package org.veille.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.veille.config.Config;
import org.veille.enrich.Enricher;
import org.veille.fetch.Fetcher;
import org.veille.index.Index;
import org.veille.index.LuceneIndex;
import org.veille.store.FetchRecord;
import org.veille.store.ItemFilter;
import org.veille.store.SourceStatus;
import org.veille.store.SqliteStore;
import org.veille.store.StoredItem;
import org.veille.support.Fetches;
import org.veille.support.TestServer;
import org.veille.sync.IndexSync;

/**
 * A source that served a good feed and then one of the bad inputs of issue 11: the bad body is
 * refused with a message naming the problem, or read as far as a reader would with a note; either
 * way every item already stored is still there, unchanged.
 */
class BadFeedCrawlTest {
  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> badBodies() {
    String utf16 =
        new String(resource("/feeds/mixed-double-encoding.xml"), StandardCharsets.UTF_8)
            .replace("UTF-8", "UTF-16")
            .replace("Ã‰tÃ©", "Été")
            .replace("comitÃ©", "comité");
    StringBuilder deep =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Ville</title>"
                + "<link>https://www.ville-exemple.fr/</link><item><title>Profond</title><x>");
    deep.append("<d>".repeat(60_000)).append("</d>".repeat(60_000));
    deep.append("</x></item></channel></rss>");
    return Stream.of(
        Arguments.of("UTF-16 without BOM", utf16.getBytes(StandardCharsets.UTF_16LE), "UTF-16LE"),
        Arguments.of("invalid base64", resource("/feeds/base64-invalid.atom"), "not valid base64"),
        Arguments.of(
            "mixed double-encoding",
            resource("/feeds/mixed-double-encoding.xml"),
            "mixes double-encoded UTF-8 with plain accents"),
        Arguments.of(
            "entity past the budget",
            resource("/feeds/entity-budget.xml"),
            "expand past the budget of 65,536 characters"),
        Arguments.of(
            "five links, none alternate",
            resource("/feeds/atom-no-alternate.atom"),
            "none is rel=\"alternate\""),
        Arguments.of(
            "JSON Feed without items",
            resource("/feeds/json-items-missing.json"),
            "JSON Feed without an \"items\" list"),
        Arguments.of(
            "JSON Feed whose items is no list",
            resource("/feeds/json-items-not-list.json"),
            "\"items\" is an object, not a list"),
        Arguments.of(
            "truncated inside CDATA",
            resource("/feeds/truncated-cdata.xml"),
            "truncated: the document ends in the middle of entry 3"),
        Arguments.of(
            "item nested 60,000 deep",
            deep.toString().getBytes(StandardCharsets.UTF_8),
            "nested more than 512 deep"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void aBadBodyNeverCostsWhatIsStored(String label, byte[] bad, String words) throws Exception {
    byte[] good = resource("/fidelity/tuning/wordpress-mairie.xml");
    server.sequence(
        "/feed/",
        ex -> TestServer.send(ex, 200, "application/rss+xml; charset=utf-8", good),
        ex -> TestServer.send(ex, 200, "application/xml", bad));
    Config config =
        Config.parse(
            dir.resolve("feeds.yaml"),
            """
            settings:
              fetch: {timeout: 5s, max_bytes: 2MB, concurrency: 2, per_host_delay: 0s, retries: 0}
            sources:
              - {id: mairie, url: "%s/feed/"}
            """
                .formatted(server.base()),
            Fetches.checks());
    crawl(config, NOW);
    Map<String, String> before = titlesByUrl();
    assertEquals(3, before.size());

    CrawlReport second = crawl(config, NOW.plusSeconds(3600));
    SourceReport report = second.reports().get(0);
    String said;
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      SourceStatus status = store.sources().statuses().get(0);
      said =
          report.outcome() == FetchRecord.Outcome.FAILED
              ? report.error()
              : String.join(" | ", status.feed().notes());
    }
    assertTrue(said != null && said.contains(words), label + ": " + said);
    Map<String, String> after = titlesByUrl();
    for (var e : before.entrySet()) {
      assertEquals(
          e.getValue(), after.get(e.getKey()), label + ": " + e.getKey() + " kept as it was");
    }
  }

  private Map<String, String> titlesByUrl() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      List<StoredItem> all = new ArrayList<>();
      store.items().forEach(ItemFilter.all(), all::add);
      return all.stream()
          .filter(i -> i.url() != null)
          .collect(Collectors.toMap(StoredItem::url, StoredItem::title));
    }
  }

  private CrawlReport crawl(Config config, Instant at) throws Exception {
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"));
        Index index = LuceneIndex.open(dir.resolve("index"));
        Fetcher fetcher = new Fetcher(config.settings().fetch(), "VeilleTest/1.0")) {
      return new Crawler(
              config,
              store,
              fetcher,
              Enricher.NONE,
              new IndexSync(store, index, config.topics()),
              Clock.fixed(at, ZoneOffset.UTC))
          .run(config.sources(), false, CrawlListener.NONE);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = BadFeedCrawlTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
