package org.veille.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.parse.ParsedItem;
import org.veille.territory.Places;
import org.veille.territory.Places.Place;

/** The places of an item survive the store: read in full, in bulk for the index, and replaced. */
class ItemPlacesTest {
  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  @TempDir Path dir;

  private static final Places SAINT_DENIS_MONTREUIL =
      new Places(
          List.of(new Place("93066", "Saint-Denis"), new Place("93048", "Montreuil")),
          List.of(new Place("T6", "Plaine Commune"), new Place("T8", "Est Ensemble")),
          List.of(new Place("93", "Seine-Saint-Denis")));

  private static FetchRecord fetch(String title, Places places) {
    ParsedItem item =
        new ParsedItem(
            "g-1",
            URI.create("https://actu.example/1"),
            title,
            "Résumé",
            "",
            "",
            null,
            T0,
            null,
            List.of(),
            "fr");
    return FetchRecord.ok(
        "actu",
        T0,
        new FetchRecord.Transfer(200, 10, 100, null, null, null),
        new FetchRecord.Feed("Feed", "rss_2.0", false),
        List.of(new EnrichedItem(item, List.of()).withPlaces(places)));
  }

  @Test
  void placesAreStoredInOrderAndReplacedWhenTheItemChanges() {
    try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
      store
          .sources()
          .sync(
              List.of(
                  new org.veille.config.SourceConfig(
                      "actu",
                      null,
                      URI.create("https://actu.example/feed"),
                      org.veille.config.SourceConfig.SourceType.FEED,
                      null,
                      List.of(),
                      true,
                      1.0,
                      null,
                      1)));
      store.saveFetch(fetch("Saint-Denis et Montreuil", SAINT_DENIS_MONTREUIL));
      List<StoredItem> all = new ArrayList<>();
      store.items().forEach(ItemFilter.all(), all::add);
      assertEquals(SAINT_DENIS_MONTREUIL, all.get(0).places());
      List<IndexableItem> bulk = new ArrayList<>();
      store.items().forEachIndexable(bulk::add);
      assertEquals(SAINT_DENIS_MONTREUIL, bulk.get(0).places());

      store.saveFetch(fetch("Une autre histoire", Places.NONE));
      assertEquals(Places.NONE, store.items().item(all.get(0).id()).orElseThrow().places());
      bulk.clear();
      store.items().forEachIndexable(bulk::add);
      assertEquals(Places.NONE, bulk.get(0).places());
    }
  }
}
