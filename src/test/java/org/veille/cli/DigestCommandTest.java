package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.veille.config.Config;
import org.veille.parse.ParsedItem;
import org.veille.store.SqliteStore;
import org.veille.support.Cli;
import org.veille.support.Week;

class DigestCommandTest {
  @TempDir Path dir;

  private Cli week(String locale) throws Exception {
    Cli cli = new Cli(dir, Week.config(locale, null)).env(Map.of("VEILLE_NOW", Week.NOW));
    Week.store(cli);
    return cli;
  }

  /** Compares with src/test/resources/golden/NAME; -Dgolden.update=true rewrites the file. */
  static void golden(String name, String actual) throws Exception {
    Path file = Path.of("src/test/resources/golden", name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + name);
  }

  @ParameterizedTest
  @CsvSource({"fr, html", "fr, text", "fr, md", "en, html", "en, text", "en, md"})
  void goldenFiles(String locale, String format) throws Exception {
    Cli cli = week(locale);
    Cli.Result r = cli.run("digest", "--format", format, "--out", "-");
    assertEquals(0, r.code(), r.toString());
    golden("week-" + locale + "." + format.replace("text", "txt"), r.out());
  }

  @Test
  void rankingAndGrouping() throws Exception {
    Cli cli = week("fr");
    String json = cli.run("digest", "--format", "json", "--out", "-").out();
    assertTrue(json.contains("\"week\" : \"2026-W47\""), json);
    assertTrue(json.contains("\"items\" : 9,\n  \"sources\" : 3,"), json);
    List<String> order = titles(json);
    assertEquals(
        List.of(
            "ZFE : la métropole ajuste son calendrier", // 2 sources, weighted source
            "Un article daté de 2031", // implausible date: first seen in the week
            "Call for proposals: climate-neutral cities", // 2 topics
            "European cities share lessons on low emission zones",
            "Fonds vert : un appel à projets pour renaturer les cours d'école",
            "GEMAPI : la taxe inondation expliquée",
            "Un article sans date",
            "Budget participatif : bilan de la troisième édition"),
        order);
    assertFalse(json.contains("Une brève sans lien"), "no link, no place in a newsletter");
    assertFalse(json.contains("avant la semaine"), "published before the week");
    assertTrue(
        json.contains("\"topic\" : \"mobilite-zfe\",\n    \"name\" : \"Mobilité et ZFE\""), json);
    assertTrue(json.contains("\"topic\" : null,\n    \"name\" : \"Autres actualités\""), json);
    assertFalse(
        json.contains("\"topic\" : \"appels-a-projets\""), "its items sit under their first topic");
    assertTrue(
        json.contains(
            "\"published\" : \"2026-11-21T18:00:00Z\",\n    \"summary\" : \"Date impossible"),
        json);
    String trimmed =
        json.lines().filter(l -> l.contains("\"summary\" : \"L'État")).findFirst().orElseThrow();
    String summary = trimmed.substring(trimmed.indexOf(": \"") + 3, trimmed.lastIndexOf('"'));
    assertTrue(
        summary.endsWith(" Les…") && summary.length() <= 301,
        "trimmed near 300 characters at a word: " + summary);
  }

  private static List<String> titles(String json) {
    return json.lines()
        .filter(l -> l.trim().startsWith("\"title\" : ") && !l.startsWith("  \"title\""))
        .map(l -> l.trim().replaceFirst("\"title\" : \"", "").replaceFirst("\",$", ""))
        .toList();
  }

  @Test
  void capsKeepUntaggedItemsForLast() throws Exception {
    Cli cli = week("fr");
    cli.write(
        Week.config("fr", null).replace("max_items: 12", "max_items: 7\n    max_per_topic: 1"));
    List<String> order = titles(cli.run("digest", "--format", "json", "--out", "-").out());
    assertEquals(
        List.of(
            "ZFE : la métropole ajuste son calendrier",
            "Un article daté de 2031",
            "Call for proposals: climate-neutral cities",
            "European cities share lessons on low emission zones",
            "Fonds vert : un appel à projets pour renaturer les cours d'école",
            "Un article sans date",
            "Budget participatif : bilan de la troisième édition"),
        order,
        "one per topic: GEMAPI gives way; untagged items fill the room left");
  }

  @Test
  void emptyWeekIsAnHonestShortDigest() throws Exception {
    Cli cli = week("fr");
    Cli.Result r = cli.run("digest", "--week", "2026-W30", "--format", "text", "--out", "-");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("0 article de 0 source cette semaine"), r.out());
    assertTrue(r.out().contains("Rien de nouveau cette semaine."), r.out());
    assertTrue(
        cli.run("digest", "--week", "2026-W30", "--format", "html", "--out", "-")
            .out()
            .contains("Rien de nouveau cette semaine."));
  }

  @Test
  void defaultWritesTheArchiveAndItsFeed() throws Exception {
    Cli cli = week("fr");
    Cli.Result r = cli.run("digest");
    assertEquals(0, r.code(), r.toString());
    Path digests = cli.data().resolve("digests");
    for (String ext : List.of("html", "txt", "md", "json")) {
      assertTrue(Files.exists(digests.resolve("2026-W47." + ext)), ext);
    }
    String rss = Files.readString(digests.resolve("digests.xml"));
    assertTrue(
        rss.contains(
            "<title>Veille innovation publique — semaine 47 (16 au 22 novembre 2026)</title>"),
        rss);
    assertTrue(rss.contains("<guid isPermaLink=\"false\">veille-digest:2026-W47</guid>"), rss);
    assertTrue(rss.contains("ZFE : la métropole ajuste son calendrier"), rss);
    assertEquals(rss, cli.run("digest", "--format", "rss", "--out", "-").out());
  }

  @Test
  void badPeriodsAreUsageErrors() throws Exception {
    Cli cli = week("fr");
    assertEquals(2, cli.run("digest", "--week", "2026-47").code());
    assertEquals(2, cli.run("digest", "--week", "2026-W60").code());
    assertEquals(2, cli.run("digest", "--from", "2026-11-01").code());
    Cli.Result backwards = cli.run("digest", "--from", "2026-11-10", "--to", "2026-11-01");
    assertEquals(2, backwards.code());
    assertTrue(backwards.err().contains("before"), backwards.err());
    Cli.Result custom =
        cli.run(
            "digest",
            "--from",
            "2026-11-16",
            "--to",
            "2026-11-17",
            "--format",
            "text",
            "--out",
            "-");
    assertTrue(custom.out().contains("du 16 au 17 novembre 2026"), custom.out());
    assertTrue(custom.out().contains("sur la période"), custom.out());
  }

  @Test
  void hostileFeedTextRendersInert() throws Exception {
    Cli cli = week("fr");
    Config config = org.veille.support.Fetches.config(cli.config());
    String title =
        "<script>alert('t')</script> Piège\r\nBcc: victim@example.org <img src=x onerror=alert(1)>";
    String summary =
        "<a href=\"javascript:alert(1)\">clic</a> [lien](javascript:alert(2)) <iframe src=\"https://evil.example\"></iframe>";
    try (SqliteStore store = SqliteStore.open(cli.data().resolve("veille.db"))) {
      store.saveFetch(
          org.veille.support.Fetches.ok(
              "gazette",
              Instant.parse("2026-11-21T18:00:00Z"),
              List.of(
                  new ParsedItem(
                      "evil",
                      URI.create("https://evil.example/a?b=%3Cc%3E"),
                      title,
                      summary,
                      "",
                      "",
                      null,
                      Instant.parse("2026-11-22T10:00:00Z"),
                      null,
                      List.of(),
                      "fr")),
              List.of(List.of("mobilite-zfe", "climat-gemapi", "appels-a-projets"))));
    }
    assertTrue(config.topics().size() == 3);
    String html = cli.run("digest", "--format", "html", "--out", "-").out();
    org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
    assertTrue(
        doc.select("script, img, iframe, object, embed").isEmpty(), "no active or remote element");
    for (org.jsoup.nodes.Element e : doc.getAllElements()) {
      for (org.jsoup.nodes.Attribute a : e.attributes()) {
        assertFalse(
            a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"), "event handler " + a);
      }
    }
    for (org.jsoup.nodes.Element a : doc.select("a[href]")) {
      assertTrue(
          a.attr("href").matches("(https?|mailto):.*"),
          "absolute http(s) or mailto link: " + a.attr("href"));
    }
    assertTrue(
        doc.text()
            .contains(
                "<script>alert('t')</script> Piège Bcc: victim@example.org <img src=x onerror=alert(1)>"),
        "the hostile title is shown as text: " + doc.text());
    String md = cli.run("digest", "--format", "md", "--out", "-").out();
    assertFalse(md.contains("<script>"), md);
    assertFalse(
        java.util.regex.Pattern.compile("(?<!\\\\)]\\(javascript:").matcher(md).find(),
        "no live javascript link: " + md);
    assertTrue(md.contains("\\<script\\>"), md);
    String text = cli.run("digest", "--format", "text", "--out", "-").out();
    assertFalse(text.contains("Piège\r\nBcc"), "line breaks of a title are folded");
    String json = cli.run("digest", "--format", "json", "--out", "-").out();
    assertTrue(json.contains("\\r\\nBcc"), "JSON keeps the data, escaped");
  }
}
