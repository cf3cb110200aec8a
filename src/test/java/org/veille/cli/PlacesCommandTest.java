package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;

/**
 * Local news crawled from a WordPress-shaped feed on a local server: the places found in each item
 * are stored, searchable by commune, territory and département, counted in facets, carried by show
 * and export, and named under the item in the digest; settings.territories replaces the gazetteer.
 */
class PlacesCommandTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @BeforeEach
  void serve() {
    server.respond("/actu.xml", 200, "application/rss+xml", TestServer.fixture("actu-locale.xml"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli crawled(String settings) {
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + settings
                + "sources:\n  - id: actu\n    url: %s/actu.xml\n    lang: fr\n"
                    .formatted(server.base()));
    Cli.Result crawl = cli.run("crawl");
    assertEquals(0, crawl.code(), crawl.toString());
    return cli;
  }

  private static List<String> titles(Cli.Result r) {
    Matcher m = Pattern.compile("\"title\":\"([^\"]*)\"").matcher(r.out());
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> search(Cli cli, String query) {
    Cli.Result r = cli.run("search", query, "--format", "json", "--sort", "date");
    assertEquals(0, r.code(), r.toString());
    return titles(r);
  }

  @Test
  void placeFieldsInTheQuerySyntax() {
    Cli cli = crawled("");
    String montreuil = "Montreuil : la mairie lance un budget participatif de 3 millions d’euros";
    assertEquals(List.of(montreuil), search(cli, "commune:Montreuil"));
    assertEquals(List.of(montreuil), search(cli, "commune:93048"));
    assertEquals(List.of(montreuil), search(cli, "commune:montreuil AND budget"));
    assertEquals(1, search(cli, "commune:\"L'Haÿ-les-Roses\"").size());
    assertEquals(1, search(cli, "commune:\"l hay les roses\"").size());
    List<String> saintDenis = search(cli, "commune:Saint-Denis");
    assertEquals(1, saintDenis.size(), saintDenis.toString());
    assertTrue(saintDenis.get(0).startsWith("Saint-Denis et Pierrefitte"), saintDenis.toString());
    assertEquals(
        List.of(), search(cli, "commune:Pierrefitte-sur-Seine"), "merged into Saint-Denis");
    assertEquals(List.of(), search(cli, "commune:Clichy"), "Clichy there is Clichy-sous-Bois");
    assertEquals(1, search(cli, "commune:Clichy-sous-Bois").size());
    // the GOSB item (named), the L'Haÿ item (a commune of T12)
    assertEquals(2, search(cli, "territory:t12").size());
    assertEquals(search(cli, "territory:T12"), search(cli, "territory:t12"));
    // Paris 13e only: Paris 2024 and the Grand Paris Express are not about Paris
    assertEquals(
        List.of("Paris 13e : un nouveau jardin partagé avenue d’Italie"),
        search(cli, "commune:Paris"));
    assertEquals(4, search(cli, "dept:93").size(), search(cli, "dept:93").toString());
    assertEquals(2, search(cli, "dept:94").size(), "L'Haÿ-les-Roses, and Vitry in the GOSB item");
  }

  @Test
  void facetsCountCommunesAndTerritories() {
    Cli cli = crawled("");
    Cli.Result r = cli.run("search", "dept:93", "--facets", "--format", "json");
    assertTrue(
        r.out()
            .contains(
                "\"commune\":{\"93010\":2,\"93014\":1,\"93048\":1,\"93066\":1},"
                    + "\"territory\":{\"T8\":3,\"T6\":1,\"T9\":1}}"),
        r.out());
    Cli.Result table = cli.run("search", "dept:93", "--facets");
    assertTrue(table.out().contains("By territory: "), table.out());
  }

  @Test
  void showAndExportCarryThePlaces() {
    Cli cli = crawled("");
    Cli.Result hit = cli.run("search", "Pierrefitte", "--format", "json");
    Matcher id = Pattern.compile("\"id\":\"([0-9a-f]{12})\"").matcher(hit.out());
    assertTrue(id.find(), hit.out());
    Cli.Result show = cli.run("show", id.group(1), "--format", "json");
    assertTrue(
        show.out().contains("\"communes\":[\"93066\"],\"epts\":[\"T6\"],\"departements\":[\"93\"]"),
        show.out());
    Cli.Result text = cli.run("show", id.group(1));
    assertTrue(
        text.out().contains("places:     Saint-Denis (93066); T6 Plaine Commune; 93"), text.out());
    Cli.Result export = cli.run("export");
    assertEquals(9, export.out().lines().count());
    assertTrue(
        export.out().lines().allMatch(l -> l.contains("\"communes\":[")), "every line has them");
    assertTrue(export.out().contains("\"communes\":[],\"epts\":[],\"departements\":[]"));
    Cli.Result csv = cli.run("export", "--format", "csv");
    assertTrue(
        csv.out()
            .lines()
            .findFirst()
            .orElseThrow()
            .contains(",categories,feed_title,communes,epts,departements"),
        csv.out());
    assertTrue(csv.out().contains(",93066,T6,93,"), csv.out());
  }

  @Test
  void anAudienceFilteredOnTerritoriesGetsTheItemsAboutThem() {
    Cli cli =
        crawled(
            """
            newsletters:
              - id: est-ensemble
                title: "Lettre d'Est Ensemble"
                recipients: [innovation@est-ensemble.example]
                epts: [T8]
              - id: saint-denis
                title: "Lettre de Saint-Denis"
                recipients: [innovation@ville-saint-denis.example]
                communes: ["93066"]
              - id: val-de-marne
                title: "Lettre du Val-de-Marne"
                recipients: [innovation@valdemarne.example]
                departements: ["94"]
                communes: ["93066"]
            """);
    List<String> est = letter(cli, "est-ensemble");
    assertTrue(est.stream().anyMatch(t -> t.startsWith("Montreuil : ")), est.toString());
    assertTrue(est.stream().anyMatch(t -> t.startsWith("Dans le 93")), "Bondy: " + est);
    assertFalse(est.stream().anyMatch(t -> t.startsWith("Paris 13e")), est.toString());
    assertFalse(est.stream().anyMatch(t -> t.startsWith("L’Haÿ")), est.toString());
    assertFalse(est.stream().anyMatch(t -> t.startsWith("Lyon")), est.toString());
    List<String> saintDenis = letter(cli, "saint-denis");
    assertEquals(1, saintDenis.size(), saintDenis.toString());
    assertTrue(saintDenis.get(0).startsWith("Saint-Denis et Pierrefitte"), saintDenis.toString());
    List<String> valDeMarne = letter(cli, "val-de-marne");
    assertTrue(
        valDeMarne.stream().anyMatch(t -> t.startsWith("L’Haÿ-les-Roses")), valDeMarne.toString());
    assertTrue(
        valDeMarne.stream().anyMatch(t -> t.startsWith("Saint-Denis et")),
        "any of the territories named: " + valDeMarne);
    assertFalse(
        valDeMarne.stream().anyMatch(t -> t.startsWith("Montreuil")), valDeMarne.toString());
    Cli.Result review = cli.run("review", "--newsletter", "est-ensemble");
    assertEquals(0, review.code(), review.toString());
    assertFalse(review.err().contains("not applied"), review.err());
  }

  private static List<String> letter(Cli cli, String newsletter) {
    Cli.Result r =
        cli.run(
            "digest",
            "--from",
            "2026-11-16",
            "--to",
            "2026-11-22",
            "--newsletter",
            newsletter,
            "--format",
            "json",
            "--out",
            "-");
    assertEquals(0, r.code(), r.toString());
    Matcher m = Pattern.compile("\"title\" : \"([^\"]*)\"").matcher(r.out());
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out.subList(1, out.size()); // the first is the letter's own title
  }

  @Test
  void theDigestNamesTheCommunesUnderAnItem() {
    Cli cli = crawled("");
    Cli.Result r =
        cli.run(
            "digest",
            "--from",
            "2026-11-16",
            "--to",
            "2026-11-22",
            "--format",
            "text",
            "--out",
            "-");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("  Commune\u00A0: Saint-Denis\n"), r.out());
    assertTrue(r.out().contains("  Communes\u00A0: Clichy-sous-Bois, Bondy\n"), r.out());
    Cli.Result md =
        cli.run(
            "digest", "--from", "2026-11-16", "--to", "2026-11-22", "--format", "md", "--out", "-");
    assertTrue(md.out().contains("Commune\u00A0: L'Haÿ-les-Roses"), md.out());
    Cli.Result html =
        cli.run(
            "digest",
            "--from",
            "2026-11-16",
            "--to",
            "2026-11-22",
            "--format",
            "html",
            "--out",
            "-");
    assertTrue(html.out().contains("Commune\u00A0: L&#39;Haÿ-les-Roses</p>"), html.out());
    assertFalse(html.out().contains("Commune\u00A0: Paris\n"), "Paris 2024 names no commune");
  }

  @Test
  void aGazetteerFileReplacesTheShippedOne() throws Exception {
    Files.writeString(
        dir.resolve("lyon.tsv"),
        """
        # Métropole de Lyon (extrait)
        kind\tcode\tname\tdepartement\tterritory\taliases\tpostal_codes
        departement\t69\tRhône\t\t\t\t
        territory\tCTM\tConférence territoriale des maires Centre\t\t\t\t
        commune\t69123\tLyon\t69\tCTM\t\t69001|69002
        commune\t69266\tVilleurbanne\t69\tCTM\t\t69100
        """);
    Cli cli = crawled("  territories: lyon.tsv\n");
    assertEquals(List.of(), search(cli, "commune:Montreuil"), "no longer a known commune");
    assertEquals(1, search(cli, "dept:69").size(), "the Lyon item of the feed");
    assertEquals(1, search(cli, "commune:69123").size());
  }

  @Test
  void aBrokenGazetteerFileIsAConfigErrorWithItsLine() throws Exception {
    Files.writeString(
        dir.resolve("bad.tsv"),
        "departement\t93\tSeine-Saint-Denis\t\t\t\t\ncommune\t93048\tMontreuil\t94\t\t\t\n");
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "  territories: bad.tsv\n"
                + "sources:\n  - id: actu\n    url: %s/actu.xml\n".formatted(server.base()));
    Cli.Result r = cli.run("crawl");
    assertEquals(2, r.code(), r.toString());
    assertTrue(
        r.err().contains(":3: settings.territories: ")
            && r.err().contains("bad.tsv:2: commune 93048 is in département '94'"),
        r.err());
    Cli.Result missing =
        new Cli(
                dir,
                Cli.fastSettings()
                    + "  territories: none.tsv\n"
                    + "sources:\n  - id: actu\n    url: %s/actu.xml\n".formatted(server.base()))
            .run("sources", "check");
    assertEquals(2, missing.code(), missing.toString());
    assertTrue(missing.err().contains("none.tsv: no such file"), missing.err());
  }
}
