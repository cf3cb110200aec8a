package org.veille.editorial;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.veille.digest.Digest;

/** The édito's Markdown-lite: what becomes markup, and what never does. */
class EditoTest {

  @Test
  void markupOfAnIntroduction() {
    Digest.Intro i =
        Edito.render(
            """
            Bonjour à toutes et à tous,

            Cette semaine, **la ZFE du Grand Paris** entre dans sa *deuxième* phase : voir
            [la délibération](https://www.metropolegrandparis.fr/fr/zfe) et écrivez-nous à
            [l'équipe](mailto:innovation@metropole.example).

            - l'appel à projets « Fonds vert » ferme le 15 janvier ;
            - la Gazette publie un dossier GEMAPI.
            """);
    assertTrue(
        i.html()
            .contains(
                "<strong>la ZFE du Grand Paris</strong> entre dans sa <em>deuxième</em> phase"),
        i.html());
    assertTrue(
        i.html().contains("<a href=\"https://www.metropolegrandparis.fr/fr/zfe\""), i.html());
    assertTrue(i.html().contains("<a href=\"mailto:innovation@metropole.example\""), i.html());
    assertTrue(
        i.html().contains("<ul") && i.html().contains("<li>l&apos;appel à projets"), i.html());
    assertTrue(
        i.text().contains("la délibération (https://www.metropolegrandparis.fr/fr/zfe)"), i.text());
    assertTrue(i.text().lines().allMatch(l -> l.length() <= 72), i.text());
    assertTrue(i.text().contains("- la Gazette publie un dossier GEMAPI."), i.text());
    assertTrue(
        i.markdown().contains("[la délibération](https://www.metropolegrandparis.fr/fr/zfe)"),
        i.markdown());
  }

  @Test
  void htmlAndScriptLinksStayInert() {
    Digest.Intro i =
        Edito.render(
            "<script>alert('x')</script> <img src=x onerror=alert(1)>"
                + " [cliquez](javascript:alert(document.cookie)) [data](data:text/html;base64,PHNjcmlwdD4=)"
                + " **<b>gras</b>**");
    assertFalse(i.html().contains("<script"), i.html());
    assertFalse(i.html().contains("<img"), i.html());
    assertFalse(i.html().toLowerCase().contains("href=\"javascript"), i.html());
    assertFalse(i.html().contains("href=\"data:"), i.html());
    assertTrue(i.html().contains("&lt;script&gt;"), i.html());
    assertTrue(i.html().contains("cliquez"), "the text of a dropped link stays: " + i.html());
    assertTrue(i.html().contains("<strong>&lt;b&gt;gras&lt;/b&gt;</strong>"), i.html());
    assertFalse(i.markdown().contains("](javascript"), i.markdown());
    assertFalse(i.markdown().replace("\\<", "").contains("<script"), i.markdown());
    assertTrue(i.markdown().contains(" cliquez "), "spaces kept: " + i.markdown());
    assertFalse(i.text().contains("(javascript"), i.text());
  }

  @Test
  void aBlankEditoIsNone() {
    assertNull(Edito.render("  \n \n"));
  }

  @Test
  void fiftyKilobytesAreRefusedWithTheLimit() {
    String long50k = "La métropole innove. ".repeat(2500);
    assertTrue(long50k.length() >= 50_000);
    String problem = Edito.problem(long50k).orElseThrow();
    assertTrue(problem.contains("the limit is 5 000"), problem);
    assertTrue(problem.contains("52 500 characters"), problem);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Draft.empty("main", "2026-W47").edito(long50k));
    assertTrue(e.getMessage().contains("the limit is 5 000"), e.getMessage());
    assertTrue(Edito.problem("Court et clair.").isEmpty());
  }
}
