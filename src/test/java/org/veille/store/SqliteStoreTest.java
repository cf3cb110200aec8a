package org.veille.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.config.SourceConfig;
import org.veille.parse.ParsedItem;

class SqliteStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  @TempDir Path dir;

  private static SourceConfig source(String id) {
    return new SourceConfig(
        id,
        null,
        URI.create("https://" + id + ".example/feed"),
        SourceConfig.SourceType.FEED,
        null,
        List.of(),
        true,
        1.0,
        null,
        1);
  }

  private static ParsedItem item(String guid, String url, String title) {
    return new ParsedItem(
        guid,
        url == null ? null : URI.create(url),
        title,
        "Résumé de " + title,
        "",
        "",
        null,
        T0,
        null,
        List.of("cat"),
        "fr");
  }

  private static FetchRecord ok(String source, List<ParsedItem> items) {
    return org.veille.support.Fetches.ok(source, T0, items);
  }

  @Test
  void schemaIsMigratedAndWalIsOn() throws Exception {
    Path db = dir.resolve("veille.db");
    SqliteStore.open(db).close();
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
        var s = c.createStatement()) {
      var v = s.executeQuery("PRAGMA user_version");
      v.next();
      assertEquals(Migrations.latest(), v.getInt(1));
      var j = s.executeQuery("PRAGMA journal_mode");
      j.next();
      assertEquals("wal", j.getString(1));
    }
    SqliteStore.open(db).close(); // reopening applies nothing twice
  }

  @Test
  void sameArticleFromTwoSourcesIsStoredOnce() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      store.sources().sync(List.of(source("a"), source("b")));
      SaveResult a =
          store.saveFetch(ok("a", List.of(item("a-1", "https://x.example/1", "Titre A"))));
      SaveResult b =
          store.saveFetch(ok("b", List.of(item("b-9", "https://x.example/1", "Titre B"))));
      assertEquals(1, a.newItems());
      assertEquals(0, b.newItems());
      List<StoredItem> all = new ArrayList<>();
      store.items().forEach(ItemFilter.all(), all::add);
      assertEquals(1, all.size());
      assertEquals("Titre A", all.get(0).title());
      assertEquals(List.of("a", "b"), all.get(0).sources());
      assertEquals(store.items().item(all.get(0).id()).orElseThrow(), all.get(0));
      // b's changed title does not overwrite a's
      assertEquals(
          0,
          store
              .saveFetch(ok("b", List.of(item("b-9", "https://x.example/1", "Autre"))))
              .updatedItems());
      assertEquals(
          1,
          store
              .saveFetch(ok("a", List.of(item("a-1", "https://x.example/1", "Titre A2"))))
              .updatedItems());
    }
  }

  @Test
  void itemsWithoutLinkAreIdentifiedByGuidOrContent() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      store.sources().sync(List.of(source("a")));
      List<ParsedItem> items =
          List.of(item("g1", null, "Avec guid"), item(null, null, "Sans rien"));
      assertEquals(2, store.saveFetch(ok("a", items)).newItems());
      assertEquals(0, store.saveFetch(ok("a", items)).newItems());
      assertEquals(2, store.stats().items());
    }
  }

  @Test
  void fetchesSavedTogetherAreStoredAsIfOneByOne() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      store.sources().sync(List.of(source("a"), source("b"), source("c")));
      List<SaveResult> saved =
          store.saveFetches(
              List.of(
                  ok("a", List.of(item("a-1", "https://x.example/1", "Un"))),
                  // the same article, found by b in the same transaction, is linked, not copied
                  ok("b", List.of(item("b-1", "https://x.example/1", "Un"))),
                  ok(
                      "c",
                      List.of(
                          item("c-1", "https://x.example/2", "Deux"),
                          item("c-2", "https://x.example/3", "Trois")))));
      assertEquals(List.of(1, 0, 2), saved.stream().map(SaveResult::newItems).toList());
      assertEquals(3, store.stats().items());
      String shared = saved.get(0).changedIds().get(0);
      assertEquals(List.of(shared), saved.get(1).changedIds(), "b's link re-indexes the item");
      assertEquals(List.of("a", "b"), store.items().item(shared).orElseThrow().sources());
      for (String s : List.of("a", "b", "c")) {
        assertEquals("\"e1\"", store.sources().state(s).orElseThrow().etag(), s);
      }
    }
  }

  @Test
  void fetchesSavedTogetherAreAllStoredOrNoneAndTheFailureNamesThem() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      store.sources().sync(List.of(source("a"), source("b")));
      store.saveFetch(ok("a", List.of(item("a-1", "https://x.example/1", "Un"))));
      List<FetchRecord> together =
          List.of(
              ok("b", List.of(item("b-1", "https://x.example/2", "Deux"))),
              ok("ghost", List.of(item("g-1", "https://x.example/3", "Trois"))));
      StoreException e = assertThrows(StoreException.class, () -> store.saveFetches(together));
      // ghost's items reference a source the store does not know
      assertTrue(e.getMessage().contains("cannot store what b, ghost gave"), e.getMessage());
      assertTrue(e.getMessage().contains("FOREIGN KEY constraint failed"), e.getMessage());
      assertEquals(1, store.stats().items(), "b's item went with ghost's failure");
      assertNull(store.sources().state("b").orElseThrow().etag(), "b's state is unchanged");
      // the connection and its kept statements work on after the rollback
      assertEquals(
          1,
          store
              .saveFetches(List.of(ok("b", List.of(item("b-1", "https://x.example/2", "Deux")))))
              .get(0)
              .newItems());
    }
  }

  @Test
  void aFailedWriteLeavesNothingHalfDone() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      store.sources().sync(List.of(source("a")));
      store.saveFetch(ok("a", List.of(item("g1", "https://x.example/1", "Un"))));
      // The source id is unknown, so the state update fails after the items were written.
      FetchRecord bad = ok("ghost", List.of(item("g2", "https://x.example/2", "Deux")));
      assertThrows(StoreException.class, () -> store.saveFetch(bad));
      assertEquals(1, store.stats().items(), "the transaction was rolled back");
      assertEquals("\"e1\"", store.sources().state("a").orElseThrow().etag());
    }
  }

  @Test
  void failureKeepsValidatorsAndCountsFailures() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      store.sources().sync(List.of(source("a")));
      store.saveFetch(ok("a", List.of()));
      Instant next = T0.plusSeconds(3600);
      store.saveFetch(org.veille.support.Fetches.failed("a", T0, 503, "HTTP 503", 2, next));
      SourceState s = store.sources().state("a").orElseThrow();
      assertEquals("\"e1\"", s.etag());
      assertEquals(2, s.consecutiveFailures());
      assertEquals(next, s.nextAttemptAt());
      SourceStatus status = store.sources().statuses().get(0);
      assertEquals("failed", status.lastStatus());
      assertTrue(status.healthy(), "two failures are not yet unhealthy");
    }
  }

  @Test
  void changingASourceUrlForgetsItsValidators() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      store.sources().sync(List.of(source("a")));
      store.saveFetch(ok("a", List.of()));
      SourceConfig moved =
          new SourceConfig(
              "a",
              null,
              URI.create("https://new.example/rss"),
              SourceConfig.SourceType.FEED,
              null,
              List.of(),
              true,
              1.0,
              null,
              1);
      store.sources().sync(List.of(moved));
      SourceState s = store.sources().state("a").orElseThrow();
      assertEquals("https://new.example/rss", s.url());
      assertEquals(null, s.etag());
    }
  }
}
