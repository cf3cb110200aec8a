package org.veille.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veille.support.TestServer;

class PageParserTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final URI PAGE = URI.create("https://anct.gouv.fr/actualites");
  private final PageParser parser = new PageParser(PARIS);

  @Test
  void dsfrCardsBecomeItems() {
    PageRules rules =
        new PageRules(
            ".fr-card",
            ".fr-card__title",
            ".fr-card__title a",
            ".fr-card__detail",
            ".fr-card__desc");
    ParseResult r = parser.parse(PAGE, TestServer.fixture("anct.html"), "text/html", rules, null);
    List<ParsedItem> items = assertInstanceOf(ParseResult.Parsed.class, r).feed().items();
    assertEquals(3, items.size());
    ParsedItem first = items.get(0);
    assertEquals("Territoires intelligents : un appel à projets pour les communes", first.title());
    assertEquals(
        "https://anct.gouv.fr/actualites/territoires-intelligents-appel-a-projets",
        first.url().toString());
    assertTrue(first.summary().startsWith("L'ANCT accompagne"));
    assertEquals(
        Instant.parse("2026-02-12T23:00:00Z"), first.published(), "13 février 2026, Paris time");
    assertEquals("fr", first.lang());
    assertEquals(
        "https://anct.gouv.fr/actualites/petites-villes-de-demain-bilan",
        items.get(1).url().toString());
    assertEquals(Instant.parse("2026-03-01T23:00:00Z"), items.get(1).published());
    assertEquals(Instant.parse("2026-02-28T23:00:00Z"), items.get(2).published(), "1er mars 2026");
  }

  @Test
  void defaultsFindHeadingLinkAndParagraph() {
    ParseResult r =
        parser.parse(
            PAGE,
            TestServer.fixture("anct.html"),
            "text/html",
            new PageRules(".fr-card", null, null, null, null),
            null);
    ParsedItem first = assertInstanceOf(ParseResult.Parsed.class, r).feed().items().get(0);
    assertEquals("Territoires intelligents : un appel à projets pour les communes", first.title());
    assertTrue(first.summary().startsWith("L'ANCT"));
  }

  @Test
  void selectorMatchingNothingIsABrokenSelector() {
    ParseResult r =
        parser.parse(
            PAGE,
            TestServer.fixture("anct.html"),
            "text/html",
            new PageRules(".news-item", null, null, null, null),
            null);
    ParseResult.Failed f = assertInstanceOf(ParseResult.Failed.class, r);
    assertEquals(ParseResult.Problem.BROKEN_SELECTOR, f.problem());
    assertTrue(f.message().contains("'.news-item' matched nothing"), f.message());
  }
}
