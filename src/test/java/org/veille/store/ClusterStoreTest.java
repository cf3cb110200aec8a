package org.veille.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.cluster.Bands;
import org.veille.cluster.Signer;
import org.veille.parse.ParsedItem;

/**
 * Clusters in a real SQLite store: candidates are found by index seeks on the band keys (never a
 * scan of items or bands), the window and the other-source rule hold, and the first item of a
 * cluster is marked for indexing again when a second joins it.
 */
class ClusterStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-17T08:00:00Z");
  private static final Signer SIGNER = new Signer();
  @TempDir Path dir;

  private static final String LYON =
      "La Métropole de Lyon a confirmé lundi l'extension de sa zone à faibles émissions aux"
          + " véhicules classés Crit'Air 3 à partir du 1er janvier. Des dérogations seront accordées"
          + " aux petits rouleurs, limités à 52 jours de circulation par an, et une aide pouvant"
          + " atteindre 10 000 euros est prévue pour les ménages modestes.";
  private static final String LYON_REWRITE =
      "Pas de report à Lyon : la Métropole a confirmé que les véhicules Crit'Air 3 seront interdits"
          + " dans la zone à faibles émissions à partir du 1er janvier. Les petits rouleurs, limités"
          + " à 52 jours de circulation par an, bénéficieront d'une dérogation ; les ménages"
          + " modestes pourront toucher jusqu'à 10 000 euros.";

  private static EnrichedItem item(String url, String title, String text, Instant at) {
    ParsedItem p =
        new ParsedItem(url, URI.create(url), title, text, "", "", null, at, null, List.of(), "fr");
    return EnrichedItem.of(p).withSignature(SIGNER.sign(title, text).orElse(null));
  }

  private static void save(SqliteStore store, String source, Instant at, EnrichedItem... items) {
    store.saveFetch(
        FetchRecord.ok(
            source,
            at,
            new FetchRecord.Transfer(200, 10, 100, null, null, null),
            new FetchRecord.Feed("Feed", "rss_2.0", false),
            List.of(items)));
  }

  private static SqliteStore open(Path file) {
    SqliteStore store = SqliteStore.open(file);
    List<org.veille.config.SourceConfig> sources = new ArrayList<>();
    for (String id : List.of("metropole", "gazette", "localtis")) {
      sources.add(
          new org.veille.config.SourceConfig(
              id,
              null,
              URI.create("https://" + id + ".example/feed"),
              org.veille.config.SourceConfig.SourceType.FEED,
              null,
              List.of(),
              true,
              1.0,
              null,
              1));
    }
    store.sources().sync(sources);
    return store;
  }

  private static String clusterOf(SqliteStore store, String url) {
    return store
        .db()
        .read(
            "cluster",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("SELECT cluster FROM items WHERE url = ?")) {
                ps.setString(1, url);
                try (ResultSet rs = ps.executeQuery()) {
                  assertTrue(rs.next(), url);
                  return rs.getString(1);
                }
              }
            });
  }

  @Test
  void aRewriteFromAnotherSourceJoinsAndTheFirstItemIsIndexedAgain() {
    try (SqliteStore store = open(dir.resolve("veille.db"))) {
      String a = "https://metropole.example/zfe";
      String b = "https://gazette.example/2026/11/lyon-zfe";
      save(store, "metropole", T0, item(a, "ZFE : Lyon interdit les Crit'Air 3", LYON, T0));
      SaveResult first =
          store.saveFetch(FetchRecord.notModified("metropole", T0, FetchRecord.Transfer.NONE));
      assertNull(clusterOf(store, a));
      Instant later = T0.plus(Duration.ofHours(20));
      SaveResult saved =
          store.saveFetch(
              FetchRecord.ok(
                  "gazette",
                  later,
                  new FetchRecord.Transfer(200, 10, 100, null, null, null),
                  new FetchRecord.Feed("Feed", "rss_2.0", false),
                  List.of(
                      item(b, "Lyon maintient la ZFE pour les Crit'Air 3", LYON_REWRITE, later))));
      String cluster = clusterOf(store, a);
      assertEquals(cluster, clusterOf(store, b));
      assertEquals(2, saved.changedIds().size(), "the new item and the first one, to index again");
      StoredItem shown = store.items().item(saved.changedIds().get(0)).orElseThrow();
      assertEquals(2, shown.clusterSize());
      assertEquals(List.of("metropole", "gazette"), shown.clusterSources());
      assertEquals(2, store.items().cluster(cluster).size());
      assertTrue(first.changedIds().isEmpty());
    }
  }

  @Test
  void outsideTheWindowOrFromTheSameSourceARewriteStaysApart() {
    try (SqliteStore store = open(dir.resolve("veille.db"))) {
      String a = "https://metropole.example/zfe";
      save(store, "metropole", T0, item(a, "ZFE : Lyon interdit les Crit'Air 3", LYON, T0));
      Instant late = T0.plus(Duration.ofDays(15));
      String b = "https://gazette.example/2026/12/lyon-zfe";
      save(store, "gazette", late, item(b, "Lyon maintient la ZFE", LYON_REWRITE, late));
      assertNull(clusterOf(store, b), "15 days later: outside the window");
      String c = "https://metropole.example/zfe-reprise";
      Instant soon = T0.plus(Duration.ofHours(3));
      save(store, "metropole", soon, item(c, "Lyon maintient la ZFE", LYON_REWRITE, soon));
      assertNull(clusterOf(store, c), "the same source's rewrite is not a copy");
      String d = "https://metropole.example/zfe-copie";
      save(store, "metropole", soon, item(d, "ZFE : Lyon interdit les Crit'Air 3", LYON, soon));
      assertEquals(clusterOf(store, a), clusterOf(store, d), "the same source's copy joins");
      assertFalse(clusterOf(store, a) == null);
    }
  }

  @Test
  void candidatesAreIndexSeeksOnBandKeysNeverAScan() {
    try (SqliteStore store = open(dir.resolve("veille.db"))) {
      List<String> plan =
          store
              .db()
              .read(
                  "plan",
                  c -> {
                    List<String> out = new ArrayList<>();
                    for (String sql :
                        List.of(
                            ClusterWriter.candidatesSql(Bands.BANDS),
                            ClusterWriter.CANDIDATE_SQL)) {
                      try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                        int n = ps.getParameterMetaData().getParameterCount();
                        for (int i = 1; i <= n; i++) {
                          ps.setLong(i, 1);
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                          while (rs.next()) {
                            out.add(rs.getString(4));
                          }
                        }
                      }
                    }
                    return out;
                  });
      assertTrue(plan.stream().noneMatch(s -> s.startsWith("SCAN item")), plan.toString());
      assertTrue(
          plan.stream()
              .anyMatch(
                  s ->
                      s.startsWith(
                          "SEARCH item_bands USING PRIMARY KEY (band=? AND at>? AND at<?)")),
          plan.toString());
      assertTrue(
          plan.stream()
              .anyMatch(
                  s -> s.startsWith("SEARCH items USING INDEX sqlite_autoindex_items_1 (id=?)")),
          plan.toString());
    }
  }

  private static long count(SqliteStore store, String table) {
    return store.db().read("count", c -> Sql.queryLong(c, "SELECT COUNT(*) FROM " + table));
  }

  @Test
  void keysLoggedBySavesAreFoundBeforeAndAfterTheyAreSettledAndAfterAReopening() {
    Path file = dir.resolve("veille.db");
    String a = "https://metropole.example/zfe";
    String b = "https://gazette.example/2026/11/lyon-zfe";
    String c = "https://localtis.example/lyon-zfe";
    Instant later = T0.plus(Duration.ofHours(20));
    try (SqliteStore store = open(file)) {
      save(store, "metropole", T0, item(a, "ZFE : Lyon interdit les Crit'Air 3", LYON, T0));
      assertEquals(0, count(store, "item_bands"), "logged, not yet filed");
      assertEquals(Bands.BANDS, count(store, "band_log"));
    } // closed without settling, as a crawl that was stopped
    try (SqliteStore store = open(file)) {
      save(store, "gazette", later, item(b, "Lyon maintient la ZFE", LYON_REWRITE, later));
      assertEquals(clusterOf(store, a), clusterOf(store, b), "found in the log of another run");
      store.settleClusterKeys();
      assertEquals(2L * Bands.BANDS, count(store, "item_bands"));
      assertEquals(0, count(store, "band_log"));
      save(store, "localtis", later, item(c, "Lyon : la ZFE maintenue", LYON, later));
      assertEquals(clusterOf(store, a), clusterOf(store, c), "found in item_bands once filed");
      store.settleClusterKeys();
      store.settleClusterKeys(); // nothing waits: nothing to do
      assertEquals(3L * Bands.BANDS, count(store, "item_bands"));
    }
  }

  @Test
  void theKeysOfASaveThatFailedAreForgotten() {
    try (SqliteStore store = open(dir.resolve("veille.db"))) {
      String a = "https://metropole.example/zfe";
      FetchRecord good =
          FetchRecord.ok(
              "metropole",
              T0,
              new FetchRecord.Transfer(200, 10, 100, null, null, null),
              new FetchRecord.Feed("Feed", "rss_2.0", false),
              List.of(item(a, "ZFE : Lyon interdit les Crit'Air 3", LYON, T0)));
      FetchRecord unknownSource =
          FetchRecord.ok(
              "nowhere",
              T0,
              new FetchRecord.Transfer(200, 10, 100, null, null, null),
              new FetchRecord.Feed("Feed", "rss_2.0", false),
              List.of());
      assertThrows(StoreException.class, () -> store.saveFetches(List.of(good, unknownSource)));
      assertEquals(0, count(store, "band_log"));
      String b = "https://gazette.example/2026/11/lyon-zfe";
      save(store, "gazette", T0, item(b, "Lyon maintient la ZFE", LYON_REWRITE, T0));
      assertNull(clusterOf(store, b), "the rolled back item is no candidate");
      store.settleClusterKeys();
      assertEquals(Bands.BANDS, count(store, "item_bands"));
    }
  }
}
