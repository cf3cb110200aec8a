package org.veille.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.veille.store.SqliteStore;
import org.veille.support.Corpus;
import org.veille.sync.IndexSync;

/** Search on a real store and a real index on disk, as a table of cases. */
class SearchTest {
  @TempDir static Path dir;
  static SqliteStore store;
  static LuceneIndex index;
  static Map<String, String> ids;

  @BeforeAll
  static void build() throws Exception {
    store = SqliteStore.open(dir.resolve("veille.db"));
    index = LuceneIndex.open(dir.resolve("index"));
    ids = Corpus.store(store);
    new IndexSync(store, index, Corpus.TOPICS).catchUp();
  }

  @AfterAll
  static void close() {
    index.close();
    store.close();
  }

  private static List<String> keys(SearchResult r) {
    Map<String, String> byId = new java.util.HashMap<>();
    ids.forEach((k, v) -> byId.put(v, k));
    return r.hits().stream().map(h -> byId.get(h.id())).toList();
  }

  private static SearchResult search(SearchRequest r) throws QuerySyntaxException {
    return index.search(r, org.veille.sync.Documents.snippets(store.items()));
  }

  private static SearchRequest query(String q) {
    return new SearchRequest(
        q, null, null, List.of(), List.of(), null, SearchRequest.Sort.RELEVANCE, 50, 0, false);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // accents and case
        "emissions                         | fr2 en2",
        "ÉMISSION                          | fr2 en2",
        // plurals and stems, in both languages
        "villes                            | fr1",
        "intelligente                      | fr1",
        "cities                            | en1 en2 en3 en4",
        "city                              | en1 en2 en3 en4",
        // elisions
        "l'innovation                      | fr1 fr4 en1",
        "intelligence                      | fr4",
        // phrases
        "\"ville intelligente\"              | fr1",
        "\"villes intelligentes\"            | fr1",
        "\"smart cities\"                    | en1",
        "\"digital twin\"                    | en3",
        // boolean operators
        "zfe OR gemapi                     | fr2 fr3",
        "innovation AND NOT intelligence   | fr1 en1",
        "innovation -title:publique        | fr4 en1",
        "métropoles zfe                    | fr2",
        // stop words of either language never make a word required in the other
        "les villes                        | fr1",
        "the cities                        | en1 en2 en3 en4",
        "zones à faibles émissions         | fr2",
        // fields
        "title:budget                      | fr6",
        "text:renaturation                 | fr5",
        "text:budget                       | fr6",
        "source:opsi                       | en1 en3",
        "source:OPSI                       | en1 en3",
        "lang:en AND europe                | en2 en4",
        "topic:smart-city                  | fr1 en1",
        "author:dupont                     | fr1",
        // wildcards
        "intell*                           | fr1 fr4",
        "particip*                         | fr6",
        // nothing
        "photosynthèse                     | ''",
      })
  void searchCases(String q, String expected) throws Exception {
    Set<String> want =
        expected.isBlank() ? Set.of() : new HashSet<>(Arrays.asList(expected.split(" ")));
    SearchResult r = search(query(q));
    assertEquals(want, new HashSet<>(keys(r)), q);
    assertEquals(want.size(), r.total());
  }

  @Test
  void titleMatchesRankFirst() throws Exception {
    assertEquals("fr6", keys(search(query("budget OR habitants"))).get(0));
    assertEquals("en3", keys(search(query("digital"))).get(0));
  }

  @Test
  void dateRangeIncludesWholeDays() throws Exception {
    var r =
        new SearchRequest(
            "*",
            Instant.parse("2026-11-17T23:00:00Z"),
            Instant.parse("2026-11-20T22:59:59.999Z"),
            List.of(),
            List.of(),
            null,
            SearchRequest.Sort.DATE,
            20,
            0,
            false);
    assertEquals(List.of("fr1", "en2", "fr2"), keys(search(r)));
  }

  @Test
  void sortByDateIsNewestFirstAndKeepsScores() throws Exception {
    var r =
        new SearchRequest(
            "innovation",
            null,
            null,
            List.of(),
            List.of(),
            null,
            SearchRequest.Sort.DATE,
            20,
            0,
            false);
    SearchResult result = search(r);
    assertEquals(List.of("en1", "fr1", "fr4"), keys(result));
    assertTrue(result.hits().stream().allMatch(h -> h.score() > 0), "relevance scores are kept");
  }

  @Test
  void pagingWalksThroughResults() throws Exception {
    var page1 =
        new SearchRequest(
            "", null, null, List.of(), List.of(), null, SearchRequest.Sort.DATE, 3, 0, false);
    var page2 =
        new SearchRequest(
            "", null, null, List.of(), List.of(), null, SearchRequest.Sort.DATE, 3, 3, false);
    assertEquals(List.of("fr5", "en1", "fr1"), keys(search(page1)));
    assertEquals(List.of("en2", "fr2", "en4"), keys(search(page2)));
    assertEquals(10, search(page2).total());
  }

  @Test
  void filtersBySourceTopicAndLanguage() throws Exception {
    var bySource =
        new SearchRequest(
            "",
            null,
            null,
            List.of("gazette", "opsi"),
            List.of(),
            null,
            SearchRequest.Sort.RELEVANCE,
            20,
            0,
            false);
    assertEquals(Set.of("fr1", "fr2", "fr5", "en1", "en3"), new HashSet<>(keys(search(bySource))));
    var byTopic =
        new SearchRequest(
            "",
            null,
            null,
            List.of(),
            List.of("mobilite-zfe"),
            null,
            SearchRequest.Sort.RELEVANCE,
            20,
            0,
            false);
    assertEquals(Set.of("fr2", "en2"), new HashSet<>(keys(search(byTopic))));
    var byLang =
        new SearchRequest(
            "innovation",
            null,
            null,
            List.of(),
            List.of(),
            "fr",
            SearchRequest.Sort.RELEVANCE,
            20,
            0,
            false);
    assertEquals(Set.of("fr1", "fr4"), new HashSet<>(keys(search(byLang))));
  }

  @Test
  void facetsCountArticles() throws Exception {
    var r =
        new SearchRequest(
            "cities OR métropoles",
            null,
            null,
            List.of(),
            List.of(),
            null,
            SearchRequest.Sort.RELEVANCE,
            20,
            0,
            true);
    SearchResult result = search(r);
    assertEquals(
        Map.of("opsi", 2L, "eurocities", 2L, "gazette", 2L), result.facets().get("source"));
    assertEquals(Map.of("en", 4L, "fr", 2L), result.facets().get("lang"));
    assertEquals(
        Map.of("smart-city", 2L, "mobilite-zfe", 2L, "europe", 2L), result.facets().get("topic"));
  }

  @Test
  void snippetsMarkMatches() throws Exception {
    SearchResult r = search(query("renaturation"));
    assertEquals(
        "Financement des projets de <b>renaturation</b> des cours d&#x27;école.",
        r.hits().get(0).snippet());
  }

  @Test
  void badQueriesNameThePosition() {
    QuerySyntaxException open =
        assertThrows(QuerySyntaxException.class, () -> search(query("(zfe OR gemapi")));
    assertEquals(15, open.column());
    QuerySyntaxException op =
        assertThrows(QuerySyntaxException.class, () -> search(query("zfe AND OR gemapi")));
    assertEquals(9, op.column());
    assertTrue(op.getMessage().contains("unexpected 'OR'"), op.getMessage());
    QuerySyntaxException quote =
        assertThrows(
            QuerySyntaxException.class, () -> search(query("Appel à projets : \"fonds vert")));
    assertTrue(quote.getMessage().contains("a quote is left open"), quote.getMessage());
    assertTrue(quote.getMessage().contains("\n  Appel à projets : \"fonds vert\n"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Zones à faibles émissions : le calendrier | fr2 | émissions",
        "Appel à projets : fonds vert 2027         | fr5 | projets",
        "Call for proposals: Horizon Europe        | en4 | proposals",
        "call for proposals:horizon                | en4 | proposals",
        "émissions:calendrier                      | fr2 | émissions",
      })
  void aPastedTitleIsSearchedAsTextWithANote(String q, String expected, String word)
      throws Exception {
    SearchResult r = search(query(q));
    assertEquals(List.of(expected.split(" ")), keys(r));
    assertEquals(
        List.of(
            "'"
                + word
                + ":' is not a field (fields: title, text, source, topic, lang, author, commune, territory, dept, call, deadline);"
                + " searched as text"),
        r.notes());
  }

  @Test
  void knownFieldsNeedNoNote() throws Exception {
    SearchResult r = search(query("title:horizon source:eurocities"));
    assertEquals(List.of("en4"), keys(r));
    assertEquals(List.of(), r.notes());
  }

  @Test
  void aTopicQueryStaysStrictAboutFields() {
    assertTrue(
        Tagger.queryProblem("couleur:rouge").orElseThrow().contains("unknown field 'couleur'"));
    assertTrue(Tagger.queryProblem("topic:europe OR title:ville").isEmpty());
  }

  @Test
  void topicsWereTaggedAtStorageTime() {
    assertEquals(List.of("smart-city"), store.items().item(ids.get("fr1")).orElseThrow().topics());
    assertEquals(
        List.of("europe", "mobilite-zfe"),
        store.items().item(ids.get("en2")).orElseThrow().topics().stream().sorted().toList());
  }
}
