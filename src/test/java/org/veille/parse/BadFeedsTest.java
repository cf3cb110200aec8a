package org.veille.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The bad inputs of issue 11: each is either read as far as a reader would, with a note naming what
 * was wrong, or refused with a message naming the problem. (That a refused or partial feed loses
 * nothing already stored is {@code crawl.BadFeedCrawlTest}.)
 */
class BadFeedsTest {
  private static final URI DOCUMENT = URI.create("https://www.ville-exemple.fr/flux/");
  private final FeedParser parser = new FeedParser();

  private ParsedFeed parsed(byte[] body, String type) {
    ParseResult r = parser.parse(DOCUMENT, body, type, null);
    return assertInstanceOf(ParseResult.Parsed.class, r, () -> "expected a feed, got " + r).feed();
  }

  private ParseResult.Failed failed(byte[] body, String type) {
    ParseResult r = parser.parse(DOCUMENT, body, type, null);
    return assertInstanceOf(ParseResult.Failed.class, r, () -> "expected a refusal, got " + r);
  }

  private static String notes(ParsedFeed f) {
    return String.join(" | ", f.notes());
  }

  @Test
  void utf16WithoutByteOrderMarkIsReadAndSaysSo() {
    String xml =
        FeedFormsTest.rss("<title>Syndicat des eaux : travaux à Pléneuf</title>")
            .replace("UTF-8", "UTF-16");
    ParsedFeed f = parsed(xml.getBytes(StandardCharsets.UTF_16LE), "application/xml");
    assertEquals("Syndicat des eaux : travaux à Pléneuf", f.items().get(0).title());
    assertTrue(notes(f).contains("no byte-order mark: read as UTF-16LE"), notes(f));
  }

  @Test
  void invalidBase64FieldIsLeftOutAndTheEntryKept() {
    String good =
        Base64.getEncoder()
            .encodeToString("<p>Un texte valide.</p>".getBytes(StandardCharsets.UTF_8));
    String xml =
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed version="0.3" xmlns="http://purl.org/atom/ns#">
          <title>Urban Europe Digest</title>
          <link rel="alternate" type="text/html" href="https://urbaneurope.example.eu/"/>
          <modified>2026-11-18T12:00:00Z</modified>
          <entry>
            <title>Broken attachment</title>
            <link rel="alternate" type="text/html" href="https://urbaneurope.example.eu/2026/11/broken"/>
            <id>tag:urbaneurope.example.eu,2026:entry-400</id>
            <issued>2026-11-18T10:00:00Z</issued>
            <summary>The summary survives.</summary>
            <content type="text/html" mode="base64">PHA+VGhpcyBpcyBub3Q*** not base64 at all ¤¤</content>
          </entry>
          <entry>
            <title>Good attachment</title>
            <link rel="alternate" type="text/html" href="https://urbaneurope.example.eu/2026/11/good"/>
            <id>tag:urbaneurope.example.eu,2026:entry-401</id>
            <issued>2026-11-18T11:00:00Z</issued>
            <content type="text/html" mode="base64">%s</content>
          </entry>
        </feed>
        """
            .formatted(good);
    ParsedFeed f = parsed(xml.getBytes(StandardCharsets.UTF_8), "application/atom+xml");
    assertEquals(2, f.items().size());
    assertEquals("The summary survives.", f.items().get(0).summary());
    assertEquals("", f.items().get(0).contentText());
    assertEquals("Un texte valide.", f.items().get(1).contentText());
    assertTrue(notes(f).contains("entry 1: a field declared base64 is not valid base64"), notes(f));
  }

  @Test
  void doubleEncodingMixedWithRealAccentsIsLeftAloneAndNoted() {
    String xml =
        FeedFormsTest.rss(
            "<title>Ã‰tÃ© culturel à Vandenesse</title><link>https://www.ville-exemple.fr/e</link>");
    ParsedFeed f = parsed(xml.getBytes(StandardCharsets.UTF_8), "application/xml");
    assertEquals("Ã‰tÃ© culturel à Vandenesse", f.items().get(0).title());
    assertTrue(
        notes(f).contains("entry 1: title mixes double-encoded UTF-8 with plain accents"),
        notes(f));
  }

  @Test
  void entityExpandingPastTheBudgetIsRefused() {
    ParseResult.Failed f = failed(FeedFixtures.bytes("entity-budget.xml"), "application/xml");
    assertEquals(ParseResult.Problem.HOSTILE, f.problem());
    assertTrue(f.message().contains("expand past the budget of 65,536 characters"), f.message());
    assertTrue(f.message().contains("entity 'pied'"), f.message());
  }

  @Test
  void atomEntryWithFiveLinksAndNoneAlternateIsKeptWithoutALink() {
    ParsedFeed f = parsed(FeedFixtures.bytes("atom-no-alternate.atom"), "application/atom+xml");
    assertEquals(2, f.items().size());
    ParsedItem first = f.items().get(0);
    assertNull(
        first.url(), "no self, edit, replies, enclosure or license link stands for the page");
    assertEquals("tag:ogp-local.example.org,2026:entry-412", first.guid(), "kept by its id");
    assertTrue(
        notes(f).contains("has 5 links and none is rel=\"alternate\"; kept without a link"),
        notes(f));
    assertEquals(
        "https://www.ogp-local.example.org/stories/participatory-budgeting-secondary-cities",
        f.items().get(1).url().toString());
  }

  @Test
  void jsonFeedWithoutAnItemsListIsRefused() {
    String missing =
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Lab\", \"home_page_url\": \"https://lab-exemple.fr/\"}";
    String notAList =
        "{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"Lab\", \"items\": {\"id\": \"1\"}}";
    ParseResult.Failed m =
        failed(missing.getBytes(StandardCharsets.UTF_8), "application/feed+json");
    assertEquals(ParseResult.Problem.NOT_A_FEED, m.problem());
    assertEquals("JSON Feed without an \"items\" list", m.message());
    ParseResult.Failed n = failed(notAList.getBytes(StandardCharsets.UTF_8), "application/json");
    assertEquals("JSON Feed whose \"items\" is an object, not a list of items", n.message());
  }

  @Test
  void feedTruncatedInsideCdataKeepsTheCompleteItems() {
    ParsedFeed f = parsed(FeedFixtures.bytes("truncated-cdata.xml"), "application/rss+xml");
    assertTrue(f.truncated());
    assertEquals(2, f.items().size(), "the two items complete before the cut");
    assertEquals(
        "Îlots de fraîcheur : retours d’expérience dans les cours d’école",
        f.items().get(1).title());
    assertTrue(
        notes(f).contains("truncated: the document ends in the middle of entry 3"), notes(f));
    assertTrue(notes(f).contains("the 2 complete entries before it are kept"), notes(f));
  }

  @Test
  void truncatedJsonFeedKeepsTheCompleteItems() {
    String json =
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Lab\", \"items\": ["
            + "{\"id\": \"1\", \"url\": \"https://lab-exemple.fr/1\", \"title\": \"Un\"},"
            + "{\"id\": \"2\", \"url\": \"https://lab-exemple.fr/2\", \"title\": \"Deux\"},"
            + "{\"id\": \"3\", \"url\": \"https://lab-exemple.fr/3\", \"title\": \"Tr";
    ParsedFeed f = parsed(json.getBytes(StandardCharsets.UTF_8), "application/feed+json");
    assertTrue(f.truncated());
    assertEquals(2, f.items().size());
    assertTrue(notes(f).contains("truncated: the JSON ends after 2 complete items"), notes(f));
  }

  @Test
  void anItemNestedSixtyThousandDeepIsRefusedAndTheOthersKept() {
    StringBuilder deep = new StringBuilder();
    deep.append("<title>Profond</title><link>https://www.ville-exemple.fr/p</link><extra>");
    deep.append("<d>".repeat(60_000)).append("x").append("</d>".repeat(60_000));
    deep.append(
        "</extra></item><item><title>Normal</title><link>https://www.ville-exemple.fr/n</link>");
    ParsedFeed f =
        parsed(
            FeedFormsTest.rss(deep.toString()).getBytes(StandardCharsets.UTF_8), "application/xml");
    assertEquals(1, f.items().size());
    assertEquals("Normal", f.items().get(0).title());
    assertTrue(notes(f).contains("entry 1 refused: elements nested more than 512 deep"), notes(f));
    String inDescription =
        FeedFormsTest.rss(
            "<title>Profond</title><description>"
                + "<div>".repeat(60_000)
                + "</div>".repeat(60_000)
                + "</description>");
    ParsedFeed g = parsed(inDescription.getBytes(StandardCharsets.UTF_8), "application/xml");
    assertEquals(0, g.items().size());
    assertTrue(notes(g).contains("entry 1 refused"), notes(g));
  }

  @Test
  void aDocumentNestedTooDeepOutsideAnyItemIsRefused() {
    String xml =
        "<rss version=\"2.0\"><channel>"
            + "<x>".repeat(60_000)
            + "</x>".repeat(60_000)
            + "</channel></rss>";
    ParseResult.Failed f = failed(xml.getBytes(StandardCharsets.UTF_8), "application/xml");
    assertTrue(f.message().contains("nested more than 512 deep"), f.message());
    assertEquals(ParseResult.Problem.HOSTILE, f.problem());
  }

  @Test
  void aJsonFeedNestedTooDeepIsRefused() {
    String json =
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"1\", \"x\": "
            + "[".repeat(60_000)
            + "]".repeat(60_000)
            + "}]}";
    ParseResult.Failed f = failed(json.getBytes(StandardCharsets.UTF_8), "application/feed+json");
    assertTrue(f.message().contains("broken JSON Feed"), f.message());
    assertTrue(f.message().toLowerCase().contains("nesting depth"), f.message());
  }

  @Test
  void aTruncatedFeedWithNoCompleteItemStillFails() {
    ParseResult.Failed f =
        failed(org.veille.support.TestServer.fixture("truncated.xml"), "application/xml");
    assertEquals(ParseResult.Problem.MALFORMED, f.problem());
    assertTrue(f.message().contains("no complete entry before the cut"), f.message());
    assertFalse(f.message().isBlank());
  }
}
