package org.veille.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.veille.support.TestServer;

class FeedParserTest {
  private static final URI BASE = URI.create("https://www.example.fr/feed/");
  private final FeedParser parser = new FeedParser();

  private ParsedFeed parsed(String fixture) {
    return parsed(TestServer.fixture(fixture), "application/xml");
  }

  private ParsedFeed parsed(byte[] body, String contentType) {
    ParseResult r = parser.parse(BASE, body, contentType, null);
    return assertInstanceOf(ParseResult.Parsed.class, r, () -> "expected items, got " + r).feed();
  }

  private ParseResult.Failed failed(byte[] body) {
    ParseResult r = parser.parse(BASE, body, "application/xml", null);
    return assertInstanceOf(ParseResult.Failed.class, r, () -> "expected a failure, got " + r);
  }

  @Test
  void wordpressRssBecomesCleanItems() {
    ParsedFeed feed = parsed("gazette.xml");
    assertEquals("rss_2.0", feed.format());
    assertFalse(feed.recovered());
    assertEquals(3, feed.items().size());
    ParsedItem zfe = feed.items().get(0);
    assertEquals(
        "ZFE : les métropoles face au calendrier des zones à faibles émissions", zfe.title());
    assertEquals(
        "https://www.lagazettedescommunes.com/1001/zfe-metropoles-calendrier/",
        zfe.url().toString(),
        "tracking parameters removed");
    assertEquals("https://www.lagazettedescommunes.com/?p=1001", zfe.guid());
    assertNull(parsed("localtis.xml").items().get(1).guid(), "no guid in the feed: none invented");
    assertEquals("tag:oecd-opsi.org,2026:1", parsed("opsi.atom").items().get(0).guid());
    assertTrue(
        zfe.summary().startsWith("Les zones à faibles émissions (ZFE) s’étendent : les élus"),
        zfe.summary());
    assertEquals("Claire Dupont", zfe.author());
    assertEquals(Instant.parse("2026-11-16T07:30:00Z"), zfe.published());
    assertEquals(java.util.List.of("Mobilité", "Environnement"), zfe.categories());
    assertEquals("fr", zfe.lang(), "fr-FR reduced to fr");
    assertFalse(zfe.contentHtml().contains("script"), zfe.contentHtml());
    assertFalse(zfe.contentHtml().contains("onclick"), zfe.contentHtml());
    assertTrue(
        zfe.contentHtml().contains("href=\"https://www.example.fr/dossiers/zfe/\""),
        zfe.contentHtml());
    assertFalse(zfe.contentText().contains("alert"), zfe.contentText());
    assertEquals(
        "https://www.lagazettedescommunes.com/1003/gemapi-taxe/",
        feed.items().get(2).url().toString(),
        "fragment dropped");
  }

  @Test
  void atomWithXmlBaseResolvesRelativeLinks() {
    ParsedFeed feed = parsed("opsi.atom");
    assertEquals("atom_1.0", feed.format());
    ParsedItem first = feed.items().get(0);
    assertEquals("https://oecd-opsi.org/blog/digital-twins-climate/", first.url().toString());
    assertEquals(
        "How cities use digital twins to plan for heat waves and floods.", first.summary());
    assertEquals("en", first.lang(), "detected: the feed declares no language");
    assertEquals("Jane Smith", first.author());
    assertEquals(Instant.parse("2026-11-19T09:00:00Z"), first.published());
    assertEquals(Instant.parse("2026-11-19T10:00:00Z"), first.updated());
  }

  @ParameterizedTest
  @CsvSource({
    "rss091.xml, rss_0.91U, Intercommunalite : les nouvelles competences, fr",
    "rss10.rdf, rss_1.0, La métropole du Grand Paris et ses communes, fr",
    "rss090.rdf, rss_0.9, The first item of the old feed, en",
    "atom03.xml, atom_0.3, Cities lead the energy transition in Europe, en",
  })
  void everyFeedFormat(String fixture, String format, String title, String lang) {
    ParsedFeed feed = parsed(fixture);
    assertTrue(feed.format().startsWith(format.substring(0, format.length() - 1)), feed.format());
    assertEquals(title, feed.items().get(0).title());
    assertEquals(lang, feed.items().get(0).lang());
    assertEquals(
        fixture.equals("rss091.xml"),
        feed.recovered(),
        "the external DTD is dropped by the lenient pass");
  }

  @Test
  void sloppyFeedIsRecovered() {
    // Stray ampersands, HTML entities, leading blank lines, and a control character XML forbids.
    String xml =
        new String(TestServer.fixture("sloppy.xml"), StandardCharsets.UTF_8)
            .replace("enquête", "enquête\u000b");
    ParsedFeed feed = parsed(xml.getBytes(StandardCharsets.UTF_8), "application/xml");
    assertTrue(feed.recovered());
    ParsedItem item = feed.items().get(0);
    assertEquals("Urbanisme & climat : les villes s’adaptent – enquête", item.title());
    assertEquals("Îlots de chaleur : R&D & innovation dans les métropoles.", item.summary());
    assertEquals(
        "https://www.urbanews.fr/2026/11/urbanisme-climat/?a=1&b=2", item.url().toString());
  }

  @Test
  void byteOrderMarkAndLyingEncodingAreRecovered() {
    String xml =
        new String(TestServer.fixture("gazette.xml"), StandardCharsets.UTF_8)
            .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
    byte[] utf8 = xml.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[utf8.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, withBom, 3, utf8.length);
    assertEquals(
        "GEMAPI : la taxe inondation expliquée aux communes",
        parsed(utf8, "text/xml").items().get(2).title());
    assertEquals(
        "GEMAPI : la taxe inondation expliquée aux communes",
        parsed(withBom, "text/xml").items().get(2).title());
  }

  @Test
  void latin1BytesDeclaredAsUtf8AreRecovered() {
    String xml = new String(TestServer.fixture("gazette.xml"), StandardCharsets.UTF_8);
    byte[] latin1 = xml.getBytes(Charset.forName("windows-1252"));
    ParsedFeed feed = parsed(latin1, "application/rss+xml; charset=utf-8");
    assertEquals("GEMAPI : la taxe inondation expliquée aux communes", feed.items().get(2).title());
  }

  @Test
  void billionLaughsIsRefused() {
    ParseResult.Failed f = failed(TestServer.fixture("bomb.xml"));
    assertEquals(ParseResult.Problem.HOSTILE, f.problem());
    assertTrue(f.message().contains("entity"), f.message());
  }

  @Test
  void externalEntityIsRefusedAndNothingLeaks() {
    ParseResult.Failed f = failed(TestServer.fixture("xxe.xml"));
    assertEquals(ParseResult.Problem.HOSTILE, f.problem());
    assertFalse(f.message().contains("root:"), f.message());
  }

  @Test
  void htmlPageWithAlternateLinkPointsToItsFeed() {
    ParseResult r =
        parser.parse(
            URI.create("http://127.0.0.1:1/blog"),
            TestServer.fixture("blog.html"),
            "text/html",
            null);
    assertEquals(
        URI.create("http://127.0.0.1:1/gazette.xml"),
        assertInstanceOf(ParseResult.FeedLink.class, r).feedUrl());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nofeed.html   | NOT_A_FEED | links to no feed",
        "not-a-feed.json | NOT_A_FEED | JSON, but not a JSON Feed",
        "truncated.xml | MALFORMED  | truncated",
      })
  void unusableBodiesSayWhy(String fixture, ParseResult.Problem problem, String words) {
    ParseResult.Failed f = failed(TestServer.fixture(fixture));
    assertEquals(problem, f.problem());
    assertTrue(f.message().contains(words), f.message());
  }

  @Test
  void emptyAndNonXmlBodies() {
    assertEquals(ParseResult.Problem.EMPTY, failed(new byte[0]).problem());
    assertEquals(
        ParseResult.Problem.EMPTY, failed("  \n ".getBytes(StandardCharsets.UTF_8)).problem());
    assertEquals(
        ParseResult.Problem.NOT_A_FEED,
        failed("Service unavailable".getBytes(StandardCharsets.UTF_8)).problem());
    assertTrue(
        failed("<?xml version=\"1.0\"?><note><to>x</to></note>".getBytes(StandardCharsets.UTF_8))
            .message()
            .contains("neither RSS nor Atom"));
  }

  @Test
  void itemWithoutLinkOrGuidIsKept() {
    ParsedFeed feed = parsed("localtis.xml");
    ParsedItem note = feed.items().get(2);
    assertNull(note.url());
    assertNull(note.guid());
    assertEquals("Note interne sans lien", note.title());
  }
}
