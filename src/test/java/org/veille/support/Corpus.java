package org.veille.support;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veille.config.SourceConfig;
import org.veille.config.Topic;
import org.veille.index.IndexDoc;
import org.veille.index.Tagger;
import org.veille.parse.ParsedItem;
import org.veille.store.Store;

/**
 * A small French and English corpus for search tests, written into a real store the way a crawl
 * would (topics from a real {@link Tagger}). Items are known by a short key such as {@code fr1}.
 */
public final class Corpus {
  /** One article: key, source, language, date, title, summary, author. */
  public record Article(
      String key,
      String source,
      String lang,
      String date,
      String title,
      String summary,
      String author) {}

  public static final List<Article> ARTICLES =
      List.of(
          new Article(
              "fr1",
              "gazette",
              "fr",
              "2026-11-20",
              "Les villes intelligentes et l'innovation publique",
              "La ville intelligente transforme les services publics des métropoles.",
              "Claire Dupont"),
          new Article(
              "fr2",
              "gazette",
              "fr",
              "2026-11-18",
              "Zones à faibles émissions : le calendrier",
              "Les ZFE s'étendent dans les métropoles françaises.",
              null),
          new Article(
              "fr3",
              "localtis",
              "fr",
              "2026-10-05",
              "GEMAPI et prévention des inondations",
              "La compétence GEMAPI expliquée aux communes.",
              null),
          new Article(
              "fr4",
              "localtis",
              "fr",
              "2026-09-12",
              "L'intelligence artificielle au service des communes",
              "Un guide d'innovation pour les agents territoriaux.",
              "Marc Leroy"),
          new Article(
              "fr5",
              "gazette",
              "fr",
              "2026-11-25",
              "Appel à projets : fonds vert 2027",
              "Financement des projets de renaturation des cours d'école.",
              null),
          new Article(
              "fr6",
              "localtis",
              "fr",
              "2026-08-01",
              "Budget participatif à Montreuil",
              "Les habitants votent pour leurs projets de quartier.",
              null),
          new Article(
              "en1",
              "opsi",
              "en",
              "2026-11-21",
              "Smart cities and public innovation",
              "How cities innovate in public services.",
              "Jane Smith"),
          new Article(
              "en2",
              "eurocities",
              "en",
              "2026-11-19",
              "Low emission zones across Europe",
              "Emissions fall in city centres as zones expand.",
              null),
          new Article(
              "en3",
              "opsi",
              "en",
              "2026-10-10",
              "The city's new digital twin",
              "A digital twin helps urban planning.",
              null),
          new Article(
              "en4",
              "eurocities",
              "en",
              "2026-11-01",
              "Call for proposals: Horizon Europe",
              "European Commission funding for climate-neutral cities.",
              null));

  public static final List<Topic> TOPICS =
      List.of(
          new Topic(
              "smart-city",
              "Ville intelligente",
              "\"smart city\" OR \"smart cities\" OR \"ville intelligente\" OR \"villes intelligentes\"",
              1),
          new Topic(
              "mobilite-zfe",
              "Mobilité et ZFE",
              "zfe OR \"zone à faibles émissions\" OR \"low emission zones\"",
              2),
          new Topic("europe", "Europe", "europe OR européen OR européenne", 3));

  private Corpus() {}

  public static List<String> sources() {
    return List.of("gazette", "localtis", "opsi", "eurocities");
  }

  public static List<SourceConfig> sourceConfigs() {
    return sources().stream()
        .map(
            id ->
                new SourceConfig(
                    id,
                    null,
                    URI.create("https://" + id + ".example/feed"),
                    SourceConfig.SourceType.FEED,
                    null,
                    List.of(),
                    true,
                    1.0,
                    null,
                    1))
        .toList();
  }

  public static Instant date(String day) {
    return Instant.parse(day + "T09:00:00Z");
  }

  /** Stores every article as its source's crawl would; returns item id by key. */
  public static Map<String, String> store(Store store) throws Exception {
    store.sources().sync(sourceConfigs());
    Tagger tagger =
        new Tagger(TOPICS.stream().map(t -> new Tagger.TopicQuery(t.id(), t.query())).toList());
    Map<String, String> ids = new LinkedHashMap<>();
    for (String source : sources()) {
      List<ParsedItem> items = new ArrayList<>();
      List<List<String>> topics = new ArrayList<>();
      for (Article a : ARTICLES) {
        if (!a.source().equals(source)) {
          continue;
        }
        ParsedItem item =
            new ParsedItem(
                "guid-" + a.key(),
                URI.create("https://" + source + ".example/" + a.key()),
                a.title(),
                a.summary(),
                "",
                "",
                a.author(),
                date(a.date()),
                null,
                List.of(),
                a.lang());
        items.add(item);
        topics.add(
            tagger.topics(
                IndexDoc.of(
                    "",
                    a.title(),
                    a.summary(),
                    "",
                    a.lang(),
                    a.author(),
                    List.of(source),
                    List.of(),
                    date(a.date()))));
      }
      var saved =
          store.saveFetch(Fetches.ok(source, Instant.parse("2026-11-28T10:00:00Z"), items, topics));
      int i = 0;
      for (Article a : ARTICLES) {
        if (a.source().equals(source)) {
          ids.put(a.key(), saved.changedIds().get(i++));
        }
      }
    }
    return ids;
  }
}
