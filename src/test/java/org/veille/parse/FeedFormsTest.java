package org.veille.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The feed shapes of issue 11, one rule per test: what a careful reader shows. */
class FeedFormsTest {
  private static final URI DOCUMENT =
      URI.create("https://www.ville-exemple.fr/flux/actualites.xml");
  private final FeedParser parser = new FeedParser();

  static String rss(String item) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
          xmlns:dcterms="http://purl.org/dc/terms/"
          xmlns:content="http://purl.org/rss/1.0/modules/content/"
          xmlns:atom="http://www.w3.org/2005/Atom" xmlns:xhtml="http://www.w3.org/1999/xhtml">
        <channel>
          <title>Ville exemple - Actualités</title>
          <link>https://www.ville-exemple.fr/</link>
          <description>Les actualités de la ville</description>
          <language>fr-FR</language>
          <item>
        """
        + item
        + """
          </item>
        </channel>
        </rss>
        """;
  }

  static String atom(String base, String entry) {
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="%s" xml:lang="fr">
          <title>Laboratoire d'innovation territoriale</title>
          <link href="/"/>
          <id>tag:lab-exemple.fr,2026:feed</id>
          <updated>2026-11-19T10:00:00Z</updated>
          <author><name>Équipe du laboratoire</name></author>
          <entry>
        """
            .formatted(base)
        + entry
        + """
          </entry>
        </feed>
        """;
  }

  ParsedFeed feed(String xml) {
    ParseResult r = parser.parse(DOCUMENT, xml.getBytes(StandardCharsets.UTF_8), "text/xml", null);
    return assertInstanceOf(ParseResult.Parsed.class, r, () -> "expected a feed, got " + r).feed();
  }

  ParsedItem item(String xml) {
    return feed(xml).items().get(0);
  }

  @Test
  void dublinCoreFillsInForMissingRssFields() {
    ParsedItem i =
        item(
            rss(
                """
                <dc:title>Budget participatif : 42 projets retenus</dc:title>
                <link>https://www.ville-exemple.fr/actualites/budget-participatif</link>
                <dc:description>Jardins partagés, pistes cyclables et ateliers numériques.</dc:description>
                <dc:creator>Service démocratie locale</dc:creator>
                <dc:date>2026-11-18T09:00:00+01:00</dc:date>
                <dc:subject>Démocratie</dc:subject>
                <dc:language>en</dc:language>
                """));
    assertEquals("Budget participatif : 42 projets retenus", i.title());
    assertEquals("Jardins partagés, pistes cyclables et ateliers numériques.", i.summary());
    assertEquals("Service démocratie locale", i.author());
    assertEquals(Instant.parse("2026-11-18T08:00:00Z"), i.published());
    assertEquals(List.of("Démocratie"), i.categories());
    assertEquals("en", i.lang(), "the item's dc:language before the channel's");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "issued then modified | <dcterms:issued>2026-11-10T08:00:00Z</dcterms:issued><dcterms:modified>2026-11-12T08:00:00Z</dcterms:modified> | 2026-11-10T08:00:00Z | 2026-11-12T08:00:00Z",
        "created, pubDate later | <dcterms:created>2026-11-09T08:00:00Z</dcterms:created><pubDate>Wed, 11 Nov 2026 08:00:00 GMT</pubDate> | 2026-11-09T08:00:00Z | ",
        "first dc:date invalid | <dc:date>bientôt</dc:date><dc:date>2026-11-08</dc:date> | 2026-11-08T00:00:00Z | ",
        "pubDate then dc:date | <pubDate>Mon, 9 Nov 2026 10:00:00 +0100</pubDate><dc:date>2026-11-01T00:00:00Z</dc:date> | 2026-11-09T09:00:00Z | ",
        "available only | <dcterms:available>2026-11-07T12:00:00Z</dcterms:available> | 2026-11-07T12:00:00Z | ",
        "modified only | <dcterms:modified>2026-11-06T12:00:00Z</dcterms:modified> | 2026-11-06T12:00:00Z | 2026-11-06T12:00:00Z",
        "French month | <pubDate>mar., 10 nov. 2026 14:30:00 +0100</pubDate> | 2026-11-10T13:30:00Z | ",
        "no zone, space | <pubDate>2026-11-10 14:30:00</pubDate> | 2026-11-10T14:30:00Z | ",
        "named zone | <pubDate>Tue, 10 Nov 2026 14:30 EST</pubDate> | 2026-11-10T19:30:00Z | ",
      })
  void publishedAndUpdatedAreKeptApartAndTheFirstValidDateWins(
      String label, String dates, String published, String updated) {
    ParsedItem i =
        item(
            rss(
                "<title>Conseil municipal</title><link>https://www.ville-exemple.fr/c</link>"
                    + dates));
    assertEquals(Instant.parse(published), i.published(), label);
    assertEquals(updated == null ? null : Instant.parse(updated), i.updated(), label);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Claire Dupont | Claire Dupont",
        "cdupont@ville-exemple.fr (Claire Dupont) | Claire Dupont",
        "Claire Dupont (cdupont@ville-exemple.fr) | Claire Dupont",
        "Claire Dupont &lt;cdupont@ville-exemple.fr&gt; | Claire Dupont",
        "\"Claire Dupont\" &lt;cdupont@ville-exemple.fr&gt; | Claire Dupont",
        "cdupont@ville-exemple.fr | cdupont@ville-exemple.fr",
        "mailto:cdupont@ville-exemple.fr | cdupont@ville-exemple.fr",
        "&lt;a href=\"/auteurs/cdupont\"&gt;Claire Dupont&lt;/a&gt; | Claire Dupont",
      })
  void theStoredAuthorIsThePersonsName(String written, String name) {
    ParsedItem rssAuthor =
        item(
            rss(
                "<title>T</title><link>https://www.ville-exemple.fr/a</link><author>"
                    + written
                    + "</author>"));
    ParsedItem dcCreator =
        item(
            rss(
                "<title>T</title><link>https://www.ville-exemple.fr/a</link><dc:creator>"
                    + written
                    + "</dc:creator>"));
    assertEquals(name, rssAuthor.author());
    assertEquals(name, dcCreator.author());
  }

  @Test
  void atomAuthorsAndInheritedFeedAuthor() {
    ParsedItem own =
        item(
            atom(
                "https://lab-exemple.fr/",
                "<title>A</title><link href='a'/><id>urn:a</id><updated>2026-11-01T00:00:00Z</updated>"
                    + "<author><name>Léa Martin</name><email>lea@lab-exemple.fr</email></author>"
                    + "<author><email>paul@lab-exemple.fr</email></author>"));
    assertEquals("Léa Martin, paul@lab-exemple.fr", own.author());
    ParsedItem inherited =
        item(
            atom(
                "https://lab-exemple.fr/",
                "<title>B</title><link href='b'/><id>urn:b</id><updated>2026-11-01T00:00:00Z</updated>"));
    assertEquals(
        "Équipe du laboratoire", inherited.author(), "an entry inherits the feed's author");
  }

  @Test
  void atomContentForms() {
    ParsedItem xhtml =
        item(
            atom(
                "https://lab-exemple.fr/",
                """
                <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Le <em>design</em> des services</div></title>
                <link href="design"/><id>urn:1</id><updated>2026-11-01T00:00:00Z</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Des agents et des usagers <a href="../ateliers/">en atelier</a>.</p></div></content>
                """));
    assertEquals("Le design des services", xhtml.title());
    assertEquals("Des agents et des usagers en atelier.", xhtml.contentText());
    assertFalse(xhtml.contentHtml().contains("<div"), "the XHTML wrapper is removed");
    assertTrue(
        xhtml.contentHtml().contains("href=\"https://lab-exemple.fr/ateliers/\""),
        xhtml.contentHtml());
    ParsedItem escapedInXhtml =
        item(
            atom(
                "https://lab-exemple.fr/",
                """
                <title>Escaped</title><link href="e"/><id>urn:2</id><updated>2026-11-01T00:00:00Z</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">&lt;p&gt;Une &lt;strong&gt;ville&lt;/strong&gt; qui écoute.&lt;/p&gt;</div></content>
                """));
    assertEquals("Une ville qui écoute.", escapedInXhtml.contentText());
    ParsedItem text =
        item(
            atom(
                "https://lab-exemple.fr/",
                "<title type='text'>Moins de &lt;5 % des communes</title><link href='t'/><id>urn:3</id>"
                    + "<updated>2026-11-01T00:00:00Z</updated>"));
    assertEquals("Moins de <5 % des communes", text.title(), "text is text, not markup");
  }

  @Test
  void rssContentForms() {
    ParsedItem both =
        item(
            rss(
                """
                <title>Deux résumés</title><link>https://www.ville-exemple.fr/d</link>
                <description>Le conseil a voté le budget 2027 à l'unanimité, après trois heures de débat sur les investissements, les tarifs de la cantine et la rénovation du gymnase.</description>
                <summary>Le budget 2027 est voté.</summary>
                """));
    assertEquals("Le budget 2027 est voté.", both.summary(), "the short one is the summary");
    assertTrue(both.contentText().startsWith("Le conseil a voté"), both.contentText());
    ParsedItem body =
        item(
            rss(
                """
                <title>Corps XHTML</title><link>https://www.ville-exemple.fr/x</link>
                <xhtml:body><xhtml:p>La <xhtml:b>médiathèque</xhtml:b> ouvre le dimanche.</xhtml:p></xhtml:body>
                """));
    assertEquals("La médiathèque ouvre le dimanche.", body.contentText());
    ParsedItem fullitem =
        item(
            rss(
                "<title>F</title><link>https://www.ville-exemple.fr/f</link>"
                    + "<description>Court.</description>"
                    + "<fullitem>&lt;p&gt;Le texte complet de l'article.&lt;/p&gt;</fullitem>"));
    assertEquals("Court.", fullitem.summary());
    assertEquals("Le texte complet de l'article.", fullitem.contentText());
  }

  @Test
  void linksPreferAlternateAndResolveAgainstTheBaseWhereTheyAppear() {
    ParsedItem i =
        item(
            atom(
                "https://lab-exemple.fr/",
                """
                <title>Liens</title>
                <link rel="related" href="https://www.autre-site.fr/"/>
                <link rel="alternate" type="application/pdf" href="rapport.pdf"/>
                <link rel="alternate" type="text/html" xml:base="/blog/2026/" href="liens/"/>
                <id>urn:liens</id><updated>2026-11-01T00:00:00Z</updated>
                """));
    assertEquals("https://lab-exemple.fr/blog/2026/liens/", i.url().toString());
    ParsedItem textLink =
        item(
            atom(
                "https://lab-exemple.fr/",
                "<title>L</title><link>https://lab-exemple.fr/texte</link><id>urn:t</id>"
                    + "<updated>2026-11-01T00:00:00Z</updated>"));
    assertEquals("https://lab-exemple.fr/texte", textLink.url().toString());
    ParsedItem doubled =
        item(
            rss("<title>D</title><link>https://www.ville-exemple.fr/?p=12&amp;amp;lang=fr</link>"));
    assertEquals("https://www.ville-exemple.fr/?lang=fr&p=12", doubled.url().toString());
    ParsedItem relative = item(rss("<title>R</title><link>/actualites/relative</link>"));
    assertEquals(
        "https://www.ville-exemple.fr/actualites/relative",
        relative.url().toString(),
        "against the document URL");
    ParsedItem permalink =
        item(rss("<title>P</title><guid>https://www.ville-exemple.fr/actualites/p</guid>"));
    assertEquals("https://www.ville-exemple.fr/actualites/p", permalink.url().toString());
  }

  @Test
  void idsAreTrimmedAndRelativeAtomIdsResolved() {
    assertEquals(
        "https://www.ville-exemple.fr/?p=4821",
        item(rss(
                "<title>I</title><guid isPermaLink=\"false\" xml:lang=\"fr\">\n   https://www.ville-exemple.fr/?p=4821  \n</guid>"))
            .guid());
    assertEquals(
        "https://lab-exemple.fr/billets/42",
        item(atom(
                "https://lab-exemple.fr/",
                "<title>I</title><id> /billets/42 </id><updated>2026-11-01T00:00:00Z</updated>"))
            .guid());
    assertEquals(
        "actu-214",
        item(rss("<title>I</title><guid isPermaLink=\"false\">actu-214</guid>")).guid(),
        "an RSS guid is opaque, never resolved");
  }

  @Test
  void theFeedItselfGivesItsTitleLinkAndLanguage() {
    ParsedFeed rss = feed(rss("<title>x</title>"));
    assertEquals("Ville exemple - Actualités", rss.title());
    assertEquals("https://www.ville-exemple.fr/", rss.link().toString());
    assertEquals("fr", rss.language());
    ParsedFeed atom =
        feed(
            atom(
                "https://lab-exemple.fr/",
                "<title>x</title><id>urn:x</id><updated>2026-11-01T00:00:00Z</updated>"));
    assertEquals("https://lab-exemple.fr/", atom.link().toString());
    assertEquals("fr", atom.language());
  }

  @Test
  void windows1252CharactersInAFeedDeclaredLatin1OrUtf8() {
    String xml =
        rss("<title>L’été – 5 € pour l’œuvre</title><link>https://www.ville-exemple.fr/e</link>");
    byte[] cp1252 =
        xml.replace("UTF-8", "ISO-8859-1")
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    assertEquals(
        "L’été – 5 € pour l’œuvre",
        parser.parse(DOCUMENT, cp1252, "text/xml", null) instanceof ParseResult.Parsed p
            ? p.feed().items().get(0).title()
            : null);
    byte[] declaredUtf8 = xml.getBytes(java.nio.charset.Charset.forName("windows-1252"));
    ParseResult r =
        parser.parse(DOCUMENT, declaredUtf8, "application/rss+xml; charset=utf-8", null);
    assertEquals(
        "L’été – 5 € pour l’œuvre",
        assertInstanceOf(ParseResult.Parsed.class, r).feed().items().get(0).title());
    ParsedItem refs =
        item(
            rss(
                "<title>l&#146;&#233;t&#233; &#150; 5 &#128;</title><link>https://www.ville-exemple.fr/r</link>"));
    assertEquals("l’été – 5 €", refs.title(), "C1 references mapped as browsers do");
  }

  @Test
  void doubleEncodedUtf8IsRepairedOnlyWhenTheWholeFieldIs() {
    ParsedItem i =
        item(
            rss(
                "<title>Ã‰tÃ© culturel : lâ€™agenda</title><link>https://www.ville-exemple.fr/m</link>"
                    + "<description>La CÃ´te-dâ€™Or fÃªte ses villages.</description>"));
    assertEquals("Été culturel : l’agenda", i.title());
    assertEquals("La Côte-d’Or fête ses villages.", i.summary());
    ParsedItem legit =
        item(
            rss(
                "<title>Ã€ lire : le sigle « Ã© » expliqué</title><link>https://www.ville-exemple.fr/l</link>"));
    assertEquals("Ã€ lire : le sigle « Ã© » expliqué", legit.title(), "real accents: left alone");
  }

  @Test
  void utf16WithAndWithoutByteOrderMark() {
    String xml = rss("<title>Inondations : les repères de crue</title>").replace("UTF-8", "UTF-16");
    byte[] le = xml.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[le.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(le, 0, withBom, 2, le.length);
    for (byte[] body : List.of(withBom, le, xml.getBytes(StandardCharsets.UTF_16BE))) {
      ParseResult r = parser.parse(DOCUMENT, body, "application/xml", null);
      assertEquals(
          "Inondations : les repères de crue",
          assertInstanceOf(ParseResult.Parsed.class, r).feed().items().get(0).title());
    }
  }

  @Test
  void jsonFeedIsDetectedByItsVersionOrItsContentType() {
    String json =
        """
        {"version": "https://jsonfeed.org/version/1.1", "title": "Lab", "home_page_url": "https://lab-exemple.fr/",
         "language": "fr-FR", "authors": [{"name": "Équipe du lab"}],
         "items": [{"id": "1", "url": "/billets/1", "title": "Premier billet", "content_text": "Bonjour.\\nÀ bientôt.",
                    "date_published": "2026-11-02T10:00:00+01:00", "tags": ["design"]}]}
        """;
    for (String type : new String[] {"application/feed+json", "text/plain", null}) {
      ParseResult r = parser.parse(DOCUMENT, json.getBytes(StandardCharsets.UTF_8), type, null);
      ParsedFeed f = assertInstanceOf(ParseResult.Parsed.class, r).feed();
      assertEquals("json_1.1", f.format());
      assertEquals("https://lab-exemple.fr/", f.link().toString());
      assertEquals("fr", f.language());
      ParsedItem i = f.items().get(0);
      assertEquals("https://lab-exemple.fr/billets/1", i.url().toString());
      assertEquals("Bonjour. À bientôt.", i.contentText());
      assertEquals("Équipe du lab", i.author());
      assertEquals(List.of("design"), i.categories());
      assertEquals(Instant.parse("2026-11-02T09:00:00Z"), i.published());
    }
  }

  @Test
  void harmlessInternalEntitiesAreExpandedAndDoctypeTextInContentIsContent() {
    ParseResult r =
        parser.parse(
            DOCUMENT, FeedFixtures.bytes("internal-entities.xml"), "application/xml", null);
    ParsedFeed f = assertInstanceOf(ParseResult.Parsed.class, r, r::toString).feed();
    assertEquals("Mairie de Saint-Aubin-les-Bois", f.title());
    ParsedItem i = f.items().get(0);
    assertEquals("Saint-Aubin-les-Bois : la médiathèque rouvre ses portes", i.title());
    assertTrue(
        i.summary().contains("on commence par <!DOCTYPE html> en tête de page"), i.summary());
    assertEquals(2, f.items().size(), "a DOCTYPE written in a CDATA description is content");
    assertTrue(f.items().get(1).summary().contains("recopié tel quel"), f.items().get(1).summary());
  }

  @Test
  void unsafeCharactersNeverLeaveTheParser() {
    ParsedItem i =
        item(
            rss(
                "<title>Budget \u202Eelbatpecca\u202C adopté\uFFFE</title>"
                    + "<link>https://www.ville-exemple.fr/u</link>"
                    + "<description>Vote&#x2066; du conseil\u2069.</description>"
                    + "<dc:creator>Service\u202D communication</dc:creator>"));
    assertEquals("Budget elbatpecca adopté", i.title());
    assertEquals("Vote du conseil.", i.summary());
    assertEquals("Service communication", i.author());
    ParsedItem refs =
        item(
            rss(
                "<title>Conseil&#0; municipal&#27; du 24</title>"
                    + "<link>https://www.ville-exemple.fr/v</link>"));
    assertEquals("Conseil municipal du 24", refs.title(), "forbidden references dropped");
    assertNull(refs.guid());
  }
}
