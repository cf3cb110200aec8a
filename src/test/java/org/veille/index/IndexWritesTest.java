package org.veille.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes handed to the indexing threads: in the index by the commit, later versions winning. */
class IndexWritesTest {
  @TempDir Path dir;

  private static IndexDoc doc(int i, String word) {
    return IndexDoc.of(
        "item-" + i,
        "Article " + word + " numéro " + i,
        "La métropole publie le bilan " + word + " de son plan climat.",
        "",
        i % 2 == 0 ? "fr" : "en",
        null,
        List.of("gazette"),
        List.of(),
        Instant.parse("2026-11-20T09:00:00Z").plusSeconds(i));
  }

  private static long hits(LuceneIndex index, String q) throws Exception {
    return index.search(SearchRequest.of(q), SnippetSource.NONE).total();
  }

  @Test
  void everyUpsertIsSearchableAfterTheCommitAndTheLastVersionOfAnItemWins() throws Exception {
    try (LuceneIndex index = LuceneIndex.open(dir.resolve("index"))) {
      for (int round = 0; round < 3; round++) {
        List<IndexDoc> docs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
          docs.add(doc(i, round == 0 ? "printemps" : round == 1 ? "automne" : "hiver"));
        }
        index.upsert(docs.subList(0, 300));
        index.upsert(docs.subList(300, 600));
      }
      index.commit();
      assertEquals(600, index.size());
      assertEquals(600, hits(index, "title:hiver"));
      assertEquals(0, hits(index, "title:printemps OR title:automne"));
    }
    try (LuceneIndex reopened = LuceneIndex.open(dir.resolve("index"))) {
      assertEquals(600, hits(reopened, "hiver"));
    }
  }

  @Test
  void closingWritesWhatWasHandedOver() throws Exception {
    try (LuceneIndex index = LuceneIndex.open(dir.resolve("index"))) {
      index.upsert(List.of(doc(1, "printemps"), doc(2, "printemps")));
    }
    try (LuceneIndex reopened = LuceneIndex.open(dir.resolve("index"))) {
      assertEquals(2, hits(reopened, "printemps"));
    }
  }

  @Test
  void aSearchRightAfterThisInstancesCommitSeesIt() throws Exception {
    try (LuceneIndex index = LuceneIndex.open(dir.resolve("index"))) {
      index.upsert(List.of(doc(1, "printemps")));
      index.commit();
      assertEquals(1, hits(index, "printemps"));
      index.upsert(List.of(doc(2, "printemps"), doc(1, "automne")));
      index.commit();
      assertEquals(1, hits(index, "printemps"));
      assertEquals(1, hits(index, "automne"));
      assertEquals(java.util.Set.of("item-1"), index.matchingIds("automne"));
    }
  }
}
