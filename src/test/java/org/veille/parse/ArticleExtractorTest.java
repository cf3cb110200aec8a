package org.veille.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.veille.parse.ArticleExtractor.Extracted;
import org.veille.parse.ArticleExtractor.NoText;
import org.veille.support.TestServer;

/** The main text of real-looking article pages: the article kept, the page's chrome dropped. */
class ArticleExtractorTest {
  private static final String HTML = "text/html; charset=utf-8";
  private final ArticleExtractor extractor = new ArticleExtractor();

  private ArticleExtractor.Extraction extract(String fixture, String selector) {
    return extractor.extract(
        URI.create("https://www.ecologie.gouv.fr/actualites/" + fixture),
        TestServer.fixture("articles/" + fixture),
        HTML,
        selector);
  }

  @Test
  void aMinistryPageOnTheStateDesignSystemKeepsTheCommuniqueAndDropsItsChrome() {
    Extracted a = assertInstanceOf(Extracted.class, extract("ministere-zfe.html", null));
    assertTrue(a.text().contains("150 millions d'euros sur trois ans"), a.text());
    assertTrue(a.text().contains("Un comité national de suivi"), a.text());
    assertTrue(a.text().contains("jusqu'au 20 décembre 2026"), a.text());
    for (String chrome :
        new String[] {
          "Partager sur Facebook",
          "Tout accepter",
          "Nous utilisons des cookies",
          "Sur le même sujet",
          "Leasing social",
          "Plan du site",
          "Accès rapide",
          "Espace presse",
          "vous êtes ici"
        }) {
      assertFalse(a.text().contains(chrome), chrome + " left in: " + a.text());
    }
    assertTrue(a.html().contains("<p>"), a.html());
    assertFalse(a.html().contains("<script"), a.html());
  }

  @Test
  void aWordPressPostKeepsItsBodyAndDropsCookiesShareBarRelatedPostsCommentsAndSidebar() {
    Extracted a = assertInstanceOf(Extracted.class, extract("wp-plan-velo.html", null));
    assertTrue(a.text().contains("18 millions d’euros sur six ans"), a.text());
    assertTrue(a.text().contains("vélo-école gratuite"), a.text());
    assertTrue(a.text().contains("le 9 décembre à la salle des fêtes"), a.text());
    for (String chrome :
        new String[] {
          "J'accepte",
          "Ce site utilise des cookies",
          "Partager",
          "Articles similaires",
          "Bagnolet passe entièrement",
          "sport de combat",
          "Laisser un commentaire",
          "Articles récents",
          "lettre d’information",
          "Fièrement propulsé",
          "Le marché de Noël"
        }) {
      assertFalse(a.text().contains(chrome), chrome + " left in: " + a.text());
    }
  }

  @Test
  void aSubscriptionPromptIsNotAnArticle() {
    NoText none = assertInstanceOf(NoText.class, extract("paywall.html", null));
    assertTrue(none.reason().startsWith("paywall"), none.reason());
  }

  @Test
  void aPhotoGalleryHasNoMainText() {
    NoText none = assertInstanceOf(NoText.class, extract("galerie.html", null));
    assertTrue(none.reason().startsWith("no main text found on the page"), none.reason());
  }

  @Test
  void aPdfIsNotAnHtmlPage() {
    ArticleExtractor.Extraction x =
        extractor.extract(
            URI.create("https://www.ecologie.gouv.fr/sites/default/files/zfe.pdf"),
            "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1),
            "application/pdf",
            null);
    assertEquals("not an HTML page (application/pdf)", assertInstanceOf(NoText.class, x).reason());
  }

  @Test
  void theSourcesOwnSelectorPicksTheText() {
    Extracted a =
        assertInstanceOf(Extracted.class, extract("wp-plan-velo.html", "article .entry-content"));
    assertTrue(a.text().startsWith("Le conseil municipal de Montreuil"), a.text());
    assertFalse(a.text().contains("Claire Martin"), a.text());
  }

  @Test
  void aSelectorThatMatchesNothingSaysSo() {
    NoText none = assertInstanceOf(NoText.class, extract("wp-plan-velo.html", ".article-body"));
    assertEquals("select.content '.article-body' matches nothing on the page", none.reason());
  }

  @Test
  void wordsAreCountedOnWhitespaceAndNoBreakSpaces() {
    assertEquals(0, ArticleExtractor.words("  "));
    assertEquals(4, ArticleExtractor.words("150\u00a0millions d'euros  ici"));
  }
}
