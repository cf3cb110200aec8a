package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;

/** {@code export --format csv --excel} and {@code search --format csv --excel}, read back. */
class ExcelCsvTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  /** A WordPress feed whose first title would be a formula in a spreadsheet. */
  private static final String FEED =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel><title>Ville de Montreuil</title><link>https://www.montreuil.fr/</link>
      <description>Actualités</description>
      <item><title>=HYPERLINK("https://example.invalid/";"Cliquez ici")</title>
        <link>https://www.montreuil.fr/actualites/budget-participatif-2027</link>
        <pubDate>Wed, 18 Nov 2026 10:15:00 +0000</pubDate>
        <description>Budget participatif : 2,5 millions d&#8217;euros ; les habitants votent « pour leurs quartiers ».</description>
        <content:encoded><![CDATA[<p>Premier paragraphe ; avec un point-virgule.</p><p>Second paragraphe, avec une virgule.</p>]]></content:encoded>
        <category>Démocratie participative</category><category>Budget</category>
      </item>
      <item><title>Zones à faibles émissions : le calendrier de la métropole</title>
        <link>https://www.montreuil.fr/actualites/zfe-calendrier</link>
        <pubDate>Sat, 04 Jul 2026 06:00:00 +0000</pubDate>
        <description>La ZFE du Grand Paris s&#8217;étend en 2027.</description>
      </item>
      </channel></rss>
      """;

  private Cli cli() {
    server.respond(
        "/feed/",
        200,
        "application/rss+xml; charset=UTF-8",
        FEED.strip().getBytes(StandardCharsets.UTF_8));
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "  timezone: Europe/Paris\n"
                + "sources:\n  - id: montreuil\n    url: %s/feed/\n".formatted(server.base()));
    assertEquals(0, cli.run("crawl").code());
    return cli;
  }

  private static List<CSVRecord> read(String csv, char delimiter) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(delimiter)
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv))
        .getRecords();
  }

  @Test
  void excelExportHasABomSemicolonsCrlfAndLocalDates() throws Exception {
    Cli cli = cli();
    String csv = cli.run("export", "--format", "csv", "--excel").out();
    assertTrue(
        csv.startsWith("\uFEFFid;title;url;source;sources;published;lang;topics;guid;"), csv);
    assertTrue(csv.endsWith("\r\n"), csv);
    List<CSVRecord> rows = read(csv.substring(1), ';');
    assertEquals(2, rows.size());
    Map<String, CSVRecord> byUrl =
        rows.stream().collect(Collectors.toMap(r -> r.get("url"), r -> r));
    CSVRecord budget = byUrl.get("https://www.montreuil.fr/actualites/budget-participatif-2027");
    assertEquals("'=HYPERLINK(\"https://example.invalid/\";\"Cliquez ici\")", budget.get("title"));
    assertEquals("2026-11-18 11:15:00", budget.get("published"), "Paris time, winter");
    assertEquals(
        "Budget participatif : 2,5 millions d’euros ; les habitants votent « pour leurs quartiers ».",
        budget.get("summary"));
    assertTrue(budget.get("content").contains("point-virgule"), budget.get("content"));
    assertEquals("Démocratie participative; Budget", budget.get("categories"));
    CSVRecord zfe = byUrl.get("https://www.montreuil.fr/actualites/zfe-calendrier");
    assertEquals("2026-07-04 08:00:00", zfe.get("published"), "Paris time, summer");
    assertTrue(zfe.get("first_seen").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
  }

  @Test
  void plainCsvStaysRfc4180() throws Exception {
    Cli cli = cli();
    String csv = cli.run("export", "--format", "csv").out();
    assertTrue(csv.startsWith("id,title,url,"), csv);
    List<CSVRecord> rows = read(csv, ',');
    CSVRecord budget =
        rows.stream().filter(r -> r.get("url").endsWith("2027")).findFirst().orElseThrow();
    assertEquals("=HYPERLINK(\"https://example.invalid/\";\"Cliquez ici\")", budget.get("title"));
    assertEquals("2026-11-18T10:15:00Z", budget.get("published"));
  }

  @Test
  void excelSearchHasDecimalCommasAndExcelNeedsCsv() throws Exception {
    Cli cli = cli();
    String csv = cli.run("search", "budget participatif", "--format", "csv", "--excel").out();
    assertTrue(csv.startsWith("\uFEFFid;title;"), csv);
    List<CSVRecord> rows = read(csv.substring(1), ';');
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).get("score").matches("\\d+,\\d\\d"), rows.get(0).get("score"));
    Cli.Result json = cli.run("search", "budget", "--excel");
    assertEquals(2, json.code());
    assertTrue(json.err().contains("--excel goes with --format csv"), json.err());
    assertEquals(2, cli.run("export", "--excel").code());
  }
}
