package org.veille.support;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.veille.config.Config;
import org.veille.parse.ParsedItem;
import org.veille.store.SqliteStore;

/**
 * A fixed week of news (ISO week 2026-W47, Monday 16 to Sunday 22 November 2026, Paris time)
 * written into a real store, with the config that goes with it: for digest and mail tests.
 */
public final class Week {
  public static final String NAME = "2026-W47";

  /** A Monday morning after the week, as the scheduler would run. */
  public static final String NOW = "2026-11-23T07:00:00Z";

  private Week() {}

  /** The {@code smtp:} line of settings for a local server on {@code port}, without TLS. */
  public static String smtp(int port) {
    return "  smtp: {host: 127.0.0.1, port: " + port + ", starttls: false}";
  }

  public static String config(String locale, String smtp) {
    return """
        settings:
          timezone: Europe/Paris
          newsletter:
            title: "Veille innovation publique"
            locale: %s
            from: "Veille <veille@metropole.example>"
            recipients: ["alice@commune-a.example", "bob@commune-b.example", "chloe@commune-c.example"]
            editor: "editeur@metropole.example"
            max_items: 12
        %s
        topics:
          - id: mobilite-zfe
            name: Mobilité et ZFE
            query: 'zfe OR "zones à faibles émissions" OR "low emission zones"'
          - id: climat-gemapi
            name: Climat et GEMAPI
            query: 'gemapi OR inondation OR inondations OR climate'
          - id: appels-a-projets
            name: Appels à projets
            query: '"appel à projets" OR "call for proposals"'
        sources:
          - id: gazette
            name: La Gazette des communes
            url: https://www.lagazettedescommunes.com/feed/
            weight: 2
          - id: localtis
            name: Localtis
            url: https://www.banquedesterritoires.fr/flux/localtis.xml
          - id: eurocities
            name: Eurocities
            url: https://eurocities.eu/feed/
        """
        .formatted(locale, smtp == null ? "" : smtp);
  }

  private record Row(
      String source,
      String key,
      String title,
      String summary,
      String published,
      List<String> topics) {}

  private static final List<Row> ROWS =
      List.of(
          new Row(
              "gazette",
              "zfe",
              "ZFE : la métropole ajuste son calendrier",
              "Les élus ont adopté un nouveau calendrier pour la zone à faibles émissions, avec des aides pour les artisans.",
              "2026-11-17T08:00:00Z",
              List.of("mobilite-zfe")),
          new Row(
              "localtis",
              "zfe",
              "ZFE : la métropole ajuste son calendrier (reprise)",
              "Reprise.",
              "2026-11-17T10:00:00Z",
              List.of("mobilite-zfe")),
          new Row(
              "gazette",
              "gemapi",
              "GEMAPI : la taxe inondation expliquée",
              "Ce que les communes doivent savoir sur la compétence GEMAPI et la prévention des inondations.",
              "2026-11-18T09:00:00Z",
              List.of("climat-gemapi")),
          new Row(
              "localtis",
              "fonds-vert",
              "Fonds vert : un appel à projets pour renaturer les cours d'école",
              "L'État ouvre un appel à projets pour la renaturation. "
                  + "Les dossiers sont attendus avant le 15 janvier. ".repeat(8),
              "2026-11-19T07:30:00Z",
              List.of("appels-a-projets", "climat-gemapi")),
          new Row(
              "eurocities",
              "lez",
              "European cities share lessons on low emission zones",
              "From Milan to Paris, cities compare how zones improve air quality.",
              "2026-11-20T12:00:00Z",
              List.of("mobilite-zfe")),
          new Row(
              "eurocities",
              "horizon",
              "Call for proposals: climate-neutral cities",
              "The EU Cities Mission opens a new call.",
              "2026-11-21T12:00:00Z",
              List.of("appels-a-projets", "climat-gemapi")),
          new Row(
              "localtis",
              "budget",
              "Budget participatif : bilan de la troisième édition",
              "Les habitants ont voté pour 42 projets.",
              "2026-11-16T06:00:00Z",
              List.of()),
          new Row(
              "gazette",
              "no-date",
              "Un article sans date",
              "Vu pour la première fois cette semaine.",
              null,
              List.of()),
          new Row(
              "gazette",
              "old",
              "Un article d'avant la semaine",
              "Hors période.",
              "2026-11-10T08:00:00Z",
              List.of("mobilite-zfe")),
          new Row(
              "gazette",
              "future",
              "Un article daté de 2031",
              "Date impossible : vu cette semaine.",
              "2031-01-01T08:00:00Z",
              List.of("climat-gemapi")),
          new Row(
              "localtis",
              "no-link",
              "Une brève sans lien",
              "Pas de lien.",
              "2026-11-18T08:00:00Z",
              List.of()));

  /** Writes the week's items into the store of {@code cli}'s data folder. */
  public static void store(Cli cli) throws Exception {
    store(cli.config(), cli.data());
  }

  /** Writes the week's items into the store of {@code data}, with the config {@code configFile}. */
  public static void store(java.nio.file.Path configFile, java.nio.file.Path data)
      throws Exception {
    Config config = Fetches.config(configFile);
    try (SqliteStore store = SqliteStore.open(data.resolve("veille.db"))) {
      store.sources().sync(config.sources());
      for (String source : List.of("gazette", "localtis", "eurocities")) {
        List<ParsedItem> items = new ArrayList<>();
        List<List<String>> topics = new ArrayList<>();
        for (Row r : ROWS) {
          if (r.source().equals(source)) {
            String url = r.key().equals("no-link") ? null : "https://news.example/" + r.key();
            items.add(
                new ParsedItem(
                    source + "-" + r.key(),
                    url == null ? null : URI.create(url),
                    r.title(),
                    r.summary(),
                    "",
                    "",
                    null,
                    r.published() == null ? null : Instant.parse(r.published()),
                    null,
                    List.of(),
                    r.source().equals("eurocities") ? "en" : "fr"));
            topics.add(r.topics());
          }
        }
        store.saveFetch(Fetches.ok(source, Instant.parse("2026-11-21T18:00:00Z"), items, topics));
      }
    }
  }
}
