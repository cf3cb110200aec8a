package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;

/**
 * Teaser feeds crawled end to end: the article pages (a ministry's DSFR page, a WordPress post)
 * give their text to search, show, export and the letter; every page that cannot give one (a
 * paywall, 20 MB, a PDF, a login page on another host, a 404, a 403, robots.txt, no main text, a
 * mailto: or javascript: link) leaves its reason on the item and the feed's text in place; failures
 * are retried once; the source's health counts them apart from its feed.
 */
class FullTextCommandTest {
  private static final JsonFactory JSON = new JsonFactory();
  private final TestServer site = new TestServer("127.0.0.1");
  private final TestServer login = new TestServer("127.0.0.2");
  private final TestServer closed = new TestServer("127.0.0.3");
  @TempDir Path dir;

  @AfterEach
  void stop() {
    site.close();
    login.close();
    closed.close();
  }

  /** An RSS 2.0 feed of a WordPress site: items of title, link, description (HTML-escaped). */
  static String rss(String title, String... items) {
    StringBuilder sb =
        new StringBuilder(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel>
            <title>%s</title>
            <link>https://www.example.fr/</link>
            <description>Actualités</description>
            <language>fr-FR</language>
            """
                .formatted(title));
    for (int i = 0; i + 2 < items.length; i += 3) {
      sb.append(
          """
          <item>
            <title>%s</title>
            <link>%s</link>
            <guid isPermaLink="false">%s</guid>
            <pubDate>Thu, 26 Nov 2026 0%d:15:00 +0100</pubDate>
            <description>%s</description>
          </item>
          """
              .formatted(items[i], items[i + 1], "post-" + i, (i / 3) % 10, items[i + 2]));
    }
    return sb.append("</channel>\n</rss>\n").toString();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private final AtomicInteger forbidden = new AtomicInteger();

  private Cli teaserSite() {
    String a = site.base() + "/articles/";
    site.respond(
        "/articles/wp-plan-velo.html",
        200,
        "text/html; charset=UTF-8",
        TestServer.fixture("articles/wp-plan-velo.html"));
    site.respond(
        "/articles/ministere-zfe.html",
        200,
        "text/html; charset=utf-8",
        TestServer.fixture("articles/ministere-zfe.html"));
    site.respond(
        "/articles/paywall.html", 200, "text/html", TestServer.fixture("articles/paywall.html"));
    site.respond(
        "/articles/galerie.html", 200, "text/html", TestServer.fixture("articles/galerie.html"));
    site.respond("/articles/rapport.pdf", 200, "application/pdf", bytes("%PDF-1.7\n1 0 obj\n"));
    byte[] huge = new byte[20 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    System.arraycopy(bytes("<html><body><p>"), 0, huge, 0, 15);
    site.respond("/articles/enorme.html", 200, "text/html", huge);
    site.route(
        "/articles/interdit.html",
        ex ->
            TestServer.send(
                ex,
                forbidden.getAndIncrement() == 0 ? 403 : 200,
                "text/html; charset=utf-8",
                TestServer.fixture("articles/ministere-zfe.html")));
    site.respond(
        "/articles/abonnes.html", 302, null, null, "Location", login.base() + "/login?next=/a");
    login.respond(
        "/login",
        200,
        "text/html",
        bytes(
            "<html><body><form><label>Identifiant</label><input name=u><label>Mot de passe</label>"
                + "<input type=password name=p><button>Se connecter</button></form></body></html>"));
    String longSummary =
        "Le département de la Seine-Saint-Denis ouvre un appel à projets doté de deux millions"
            + " d’euros pour les tiers-lieux numériques, destiné aux associations et aux communes qui"
            + " accompagnent les habitants éloignés du numérique, avec une attention particulière aux"
            + " quartiers prioritaires de la politique de la ville. Les dossiers sont à déposer avant"
            + " le 31 janvier 2027 sur la plateforme départementale.";
    site.respond(
        "/flux.xml",
        200,
        "application/rss+xml; charset=UTF-8",
        bytes(
            rss(
                "Le Journal de l'Est parisien",
                "Montreuil lance son plan vélo 2027-2032",
                a + "wp-plan-velo.html",
                "Le conseil municipal a adopté mercredi un plan vélo doté de 18 millions d&#8217;euros [&#8230;]",
                "Zones à faibles émissions : un accompagnement renforcé",
                a + "ministere-zfe.html",
                "Le Gouvernement présente un dispositif d’accompagnement. Lire la suite",
                "Grand Paris Express : la ligne 15 Est encore retardée",
                a + "paywall.html",
                "La mise en service est désormais attendue en 2034…",
                "En images : la fête des vendanges de Suresnes",
                a + "galerie.html",
                "Retour en photos sur le défilé […]",
                "Le rapport annuel de la chambre régionale des comptes",
                a + "rapport.pdf",
                "Le rapport est en ligne […]",
                "Les archives complètes du conseil municipal",
                a + "enorme.html",
                "Toutes les délibérations depuis 1995 […]",
                "Le marché couvert ferme pour travaux",
                a + "disparu.html",
                "Les commerçants s’installent place du marché provisoire […]",
                "La préfecture publie l’arrêté de circulation",
                a + "interdit.html",
                "Un arrêté préfectoral encadre la circulation […]",
                "Analyse réservée aux abonnés : les budgets des villes",
                a + "abonnes.html",
                "Les budgets primitifs 2027 à la loupe […]",
                "Écrivez à la rédaction",
                "mailto:redaction@journal-est-parisien.fr",
                "Une question, une information ? Lire la suite",
                "Participez au questionnaire",
                "javascript:void(0)",
                "Votre avis sur le journal […]",
                "Tiers-lieux numériques : un appel à projets en Seine-Saint-Denis",
                a + "tiers-lieux.html",
                longSummary)));
    return new Cli(
        dir,
        Cli.fastSettings()
            + "sources:\n  - id: journal\n    name: Le Journal de l'Est parisien\n    url: %s/flux.xml\n    lang: fr\n"
                .formatted(site.base()));
  }

  /** The exported items by title. */
  private static Map<String, JsonNode> exported(Cli cli) throws Exception {
    Cli.Result r = cli.run("export");
    assertEquals(0, r.code(), r.toString());
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String line : r.out().split("\n")) {
      if (!line.isBlank()) {
        JsonNode n = JsonNode.read(line);
        out.put(n.get("title").asText(), n);
      }
    }
    return out;
  }

  /** The string and null fields of one exported item. */
  record JsonNode(Map<String, String> fields) {
    static JsonNode read(String line) throws java.io.IOException {
      Map<String, String> f = new LinkedHashMap<>();
      try (JsonParser p = JSON.createParser(line)) {
        p.nextToken();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken t = p.nextToken();
          if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
            p.skipChildren();
          } else {
            f.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
          }
        }
      }
      return new JsonNode(f);
    }

    Value get(String name) {
      return new Value(fields.get(name));
    }

    @Override
    public String toString() {
      return fields.toString();
    }
  }

  record Value(String text) {
    String asText() {
      return text;
    }

    boolean isNull() {
      return text == null;
    }
  }

  private static String fulltext(Map<String, JsonNode> items, String titleStart) {
    for (var e : items.entrySet()) {
      if (e.getKey().startsWith(titleStart)) {
        Value f = e.getValue().get("fulltext");
        return f.isNull() ? null : f.asText();
      }
    }
    throw new AssertionError("no item " + titleStart + " in " + items.keySet());
  }

  private static JsonNode item(Map<String, JsonNode> items, String titleStart) {
    return items.entrySet().stream()
        .filter(e -> e.getKey().startsWith(titleStart))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  @Test
  void teasersGetTheirArticleAndEveryBadPageItsReason() throws Exception {
    Cli cli = teaserSite();
    Cli.Result crawl = cli.run("crawl");
    assertEquals(0, crawl.code(), crawl.toString());
    Map<String, JsonNode> items = exported(cli);
    assertEquals(12, items.size(), items.keySet().toString());

    JsonNode velo = item(items, "Montreuil lance");
    assertEquals("article", velo.get("content_source").asText());
    assertTrue(velo.get("content").asText().contains("vélo-école gratuite"), velo.toString());
    assertFalse(velo.get("content").asText().contains("sport de combat"), "a comment");
    assertTrue(
        velo.get("fulltext").asText().startsWith("fetched: teaser: summary ends with “[…]”"),
        velo.get("fulltext").asText());
    JsonNode zfe = item(items, "Zones à faibles");
    assertEquals("article", zfe.get("content_source").asText());
    assertTrue(zfe.get("content").asText().contains("comité national de suivi"));

    assertEquals(
        "failed: paywall: the page shows the article's opening and a subscription prompt",
        fulltext(items, "Grand Paris Express"));
    assertTrue(
        fulltext(items, "En images").startsWith("failed: no main text found on the page ("),
        fulltext(items, "En images"));
    assertEquals("failed: not an HTML page (application/pdf)", fulltext(items, "Le rapport"));
    assertTrue(
        fulltext(items, "Les archives").startsWith("failed: response larger than max_bytes"),
        fulltext(items, "Les archives"));
    assertEquals(
        "failed: HTTP 404 (not found): check the URL", fulltext(items, "Le marché couvert"));
    assertEquals("failed: HTTP 403 (access refused)", fulltext(items, "La préfecture"));
    assertEquals(
        "failed: redirected to a login page on another host (" + login.base() + "/login?next=/a)",
        fulltext(items, "Analyse réservée"));
    assertTrue(
        fulltext(items, "Écrivez").startsWith("failed: the item has no http or https link"),
        fulltext(items, "Écrivez"));
    assertTrue(
        fulltext(items, "Participez").startsWith("failed: the item has no http or https link"),
        fulltext(items, "Participez"));
    assertTrue(
        fulltext(items, "Tiers-lieux").startsWith("not needed: no content, but a summary of"),
        fulltext(items, "Tiers-lieux"));
    for (String failedTitle : List.of("Grand Paris Express", "Le marché couvert", "Écrivez")) {
      JsonNode n = item(items, failedTitle);
      assertEquals("feed", n.get("content_source").asText(), failedTitle);
    }
    assertEquals(0, site.requests("/articles/tiers-lieux.html").size(), "not a teaser");
    assertEquals(
        1,
        login.requests().stream().filter(r -> r.path().startsWith("/login")).count(),
        "the login page was asked once");

    // search finds a word that only the article has; show prints the article and its record
    Cli.Result hits = cli.run("search", "Croix-de-Chavaux", "--format", "json");
    assertTrue(hits.out().contains("Montreuil lance son plan vélo"), hits.toString());
    Cli.Result show = cli.run("show", velo.get("id").asText());
    assertTrue(show.out().contains("content:    from the article page"), show.out());
    assertTrue(show.out().contains("fulltext:   fetched: teaser"), show.out());
    assertTrue(show.out().contains("boulevard Rouget-de-Lisle"), show.out());
    Cli.Result csv = cli.run("export", "--format", "csv");
    assertTrue(csv.out().lines().findFirst().orElseThrow().contains("content_source"), csv.out());

    // health: the feed is healthy, the article failures are counted apart
    Cli.Result list = cli.run("sources", "list");
    assertTrue(list.out().contains("healthy"), list.out());
    assertTrue(list.out().contains("2 fetched, 9 failed"), list.out());
    Cli.Result source = cli.run("sources", "show", "journal");
    assertTrue(source.out().contains("articles:    2 fetched, 9 failed"), source.out());
    assertTrue(source.out().contains("fulltext:    auto"), source.out());

    // a second run retries each failure once: the 403 now answers; a third run asks no more
    assertEquals(0, cli.run("crawl").code());
    assertEquals(0, cli.run("crawl").code());
    assertEquals(2, site.requests("/articles/interdit.html").size());
    assertEquals(2, site.requests("/articles/disparu.html").size());
    assertEquals(1, site.requests("/articles/wp-plan-velo.html").size(), "done once");
    Map<String, JsonNode> after = exported(cli);
    assertEquals("article", item(after, "La préfecture").get("content_source").asText());
    assertTrue(fulltext(after, "La préfecture").startsWith("fetched:"));
    Cli.Result retried = cli.run("search", "\"comité national de suivi\"", "--format", "json");
    assertTrue(retried.out().contains("La préfecture publie"), retried.toString());
  }

  @Test
  void aChangedFeedItemIsFetchedAgainAndNeverOtherwise() throws Exception {
    String page = site.base() + "/articles/wp-plan-velo.html";
    site.respond(
        "/articles/wp-plan-velo.html",
        200,
        "text/html; charset=UTF-8",
        TestServer.fixture("articles/wp-plan-velo.html"));
    site.sequence(
        "/flux.xml",
        ex ->
            TestServer.send(
                ex,
                200,
                "application/rss+xml",
                bytes(rss("Journal", "Montreuil lance son plan vélo", page, "Le plan vélo […]"))),
        ex ->
            TestServer.send(
                ex,
                200,
                "application/rss+xml",
                bytes(rss("Journal", "Montreuil lance son plan vélo", page, "Le plan vélo […]"))),
        ex ->
            TestServer.send(
                ex,
                200,
                "application/rss+xml",
                bytes(
                    rss(
                        "Journal",
                        "Montreuil adopte son plan vélo (mis à jour)",
                        page,
                        "Le plan vélo adopté par 41 voix […]"))));
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - {id: journal, url: %s/flux.xml}\n".formatted(site.base()));
    for (int i = 0; i < 3; i++) {
      assertEquals(0, cli.run("crawl").code());
    }
    assertEquals(2, site.requests("/articles/wp-plan-velo.html").size());
    JsonNode n = item(exported(cli), "Montreuil adopte");
    assertEquals("article", n.get("content_source").asText(), n.toString());
  }

  @Test
  void aChangedItemAsksForItsArticleWithTheValidatorsAndA304KeepsTheStoredText() throws Exception {
    String path = "/articles/wp-plan-velo.html";
    byte[] first = TestServer.fixture("articles/wp-plan-velo.html");
    byte[] second =
        new String(first, StandardCharsets.UTF_8)
            .replace("Rouget-de-Lisle", "Paul-Vaillant-Couturier")
            .getBytes(StandardCharsets.UTF_8);
    AtomicInteger version = new AtomicInteger(1);
    site.route(
        path,
        ex -> {
          String tag = "\"v" + version.get() + "\"";
          if (tag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            TestServer.send(ex, 304, null, null, "ETag", tag);
          } else {
            TestServer.send(
                ex,
                200,
                "text/html; charset=UTF-8",
                version.get() == 1 ? first : second,
                "ETag",
                tag);
          }
        });
    String page = site.base() + path;
    String[] titles = {
      "Montreuil lance son plan vélo",
      "Montreuil adopte son plan vélo",
      "Plan vélo : le tracé change"
    };
    AtomicInteger crawl = new AtomicInteger();
    site.route(
        "/flux.xml",
        ex ->
            TestServer.send(
                ex,
                200,
                "application/rss+xml",
                bytes(rss("Journal", titles[crawl.get()], page, "Le plan vélo […]"))));
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - {id: journal, url: %s/flux.xml}\n".formatted(site.base()));
    assertEquals(0, cli.run("crawl").code());
    assertEquals(null, site.requests(path).get(0).header("If-None-Match"), "first fetch: none");

    crawl.set(1); // the feed item changed, the article did not
    assertEquals(0, cli.run("crawl").code());
    assertEquals(2, site.requests(path).size());
    assertEquals("\"v1\"", site.requests(path).get(1).header("If-None-Match"));
    JsonNode kept = item(exported(cli), "Montreuil adopte");
    assertEquals("article", kept.get("content_source").asText(), kept.toString());
    assertTrue(kept.get("fulltext").asText().contains("HTTP 304"), kept.toString());
    Cli.Result still = cli.run("search", "Rouget-de-Lisle", "--format", "json");
    assertTrue(still.out().contains("Montreuil adopte"), still.toString());

    crawl.set(2); // both changed: the new page is downloaded and replaces the old text
    version.set(2);
    assertEquals(0, cli.run("crawl").code());
    assertEquals(3, site.requests(path).size());
    assertEquals("\"v1\"", site.requests(path).get(2).header("If-None-Match"));
    JsonNode renewed = item(exported(cli), "Plan vélo");
    assertFalse(renewed.get("fulltext").asText().contains("HTTP 304"), renewed.toString());
    Cli.Result moved = cli.run("search", "Paul-Vaillant-Couturier", "--format", "json");
    assertTrue(moved.out().contains("Plan vélo"), moved.toString());
    Cli.Result gone = cli.run("search", "Rouget-de-Lisle", "--format", "json");
    assertFalse(gone.out().contains("Plan vélo"), gone.toString());
  }

  @Test
  void theLetterTakesTheArticlesLeadWhenTheFeedGaveNoSummary() throws Exception {
    site.respond(
        "/articles/wp-plan-velo.html",
        200,
        "text/html; charset=UTF-8",
        TestServer.fixture("articles/wp-plan-velo.html"));
    site.respond(
        "/flux.xml",
        200,
        "application/rss+xml",
        bytes(
            rss(
                "Le Journal de l'Est parisien",
                "Montreuil lance son plan vélo 2027-2032",
                site.base() + "/articles/wp-plan-velo.html",
                "Lire la suite")));
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - {id: journal, url: %s/flux.xml}\n".formatted(site.base()));
    assertEquals(0, cli.run("crawl").code());
    Cli.Result letter = cli.run("digest", "--week", "2026-W48", "--format", "text", "--out", "-");
    assertEquals(0, letter.code(), letter.toString());
    String flat = letter.out().replaceAll("\\s+", " ");
    assertTrue(flat.contains("Le conseil municipal de Montreuil a adopté mercredi soir"), flat);
    assertFalse(flat.contains("Lire la suite"), flat);
  }

  @Test
  void theSameArticleLinkedByThirtyItemsIsFetchedOnce() throws Exception {
    site.respond(
        "/articles/une.html",
        200,
        "text/html; charset=utf-8",
        TestServer.fixture("articles/ministere-zfe.html"));
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      items.add("ZFE : l’accompagnement des collectivités (" + (i + 1) + ")");
      items.add(site.base() + "/articles/une.html");
      items.add("Le Gouvernement présente un dispositif […]");
    }
    site.respond(
        "/repris.xml",
        200,
        "application/rss+xml",
        bytes(rss("Revue de presse", items.toArray(String[]::new))));
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - {id: revue, url: %s/repris.xml}\n".formatted(site.base()));
    Cli.Result crawl = cli.run("crawl");
    assertEquals(0, crawl.code(), crawl.toString());
    assertEquals(1, site.requests("/articles/une.html").size());
    Map<String, JsonNode> stored = exported(cli);
    assertEquals(1, stored.size(), "one URL, one item: " + stored.keySet());
    assertEquals("article", stored.values().iterator().next().get("content_source").asText());
  }

  @Test
  void robotsTxtThatForbidsArticlesButAllowsTheFeed() throws Exception {
    closed.respond(
        "/robots.txt",
        200,
        "text/plain",
        bytes("User-agent: *\nDisallow: /articles/\nAllow: /flux.xml\n"));
    closed.respond(
        "/articles/x.html", 200, "text/html", TestServer.fixture("articles/wp-plan-velo.html"));
    closed.respond(
        "/flux.xml",
        200,
        "application/rss+xml",
        bytes(
            rss(
                "Journal",
                "Montreuil lance son plan vélo",
                closed.base() + "/articles/x.html",
                "Le plan vélo […]")));
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n  - {id: journal, url: %s/flux.xml}\n".formatted(closed.base()));
    assertEquals(0, cli.run("crawl").code());
    assertEquals(1, closed.requests("/flux.xml").size());
    assertEquals(0, closed.requests("/articles/x.html").size());
    String f = fulltext(exported(cli), "Montreuil");
    assertTrue(f.startsWith("failed: blocked by robots.txt"), f);
  }

  @Test
  void twoArticlesOfOneHostAreSpacedByThePerHostDelay() throws Exception {
    List<Long> at = new CopyOnWriteArrayList<>();
    byte[] page = TestServer.fixture("articles/wp-plan-velo.html");
    for (String p : List.of("/articles/a.html", "/articles/b.html")) {
      site.route(
          p,
          ex -> {
            at.add(System.nanoTime());
            TestServer.send(ex, 200, "text/html; charset=utf-8", page);
          });
    }
    site.route(
        "/flux.xml",
        ex -> {
          at.add(System.nanoTime());
          TestServer.send(
              ex,
              200,
              "application/rss+xml",
              bytes(
                  rss(
                      "Journal",
                      "Premier article",
                      site.base() + "/articles/a.html",
                      "Le plan vélo […]",
                      "Second article",
                      site.base() + "/articles/b.html",
                      "Le plan vélo, suite […]")));
        });
    Cli cli =
        new Cli(
            dir,
            """
            settings:
              fetch: {timeout: 2s, max_bytes: 1MB, concurrency: 4, per_host_delay: 400ms, retries: 0}
            sources:
              - {id: journal, url: %s/flux.xml}
            """
                .formatted(site.base()));
    assertEquals(0, cli.run("crawl").code());
    assertEquals(3, at.size(), "the feed and two articles");
    for (int i = 1; i < at.size(); i++) {
      long gapMs = (at.get(i) - at.get(i - 1)) / 1_000_000;
      assertTrue(gapMs >= 380, "request " + i + " came " + gapMs + " ms after the one before");
    }
  }

  @Test
  void fulltextNeverAndTheCapPerSource() throws Exception {
    site.respond(
        "/articles/p.html", 200, "text/html", TestServer.fixture("articles/wp-plan-velo.html"));
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      items.add("Brève " + (i + 1));
      items.add(site.base() + "/articles/p.html?n=" + i);
      items.add("Le plan vélo […]");
    }
    site.respond(
        "/flux.xml",
        200,
        "application/rss+xml",
        bytes(rss("Brèves", items.toArray(String[]::new))));
    site.respond(
        "/jamais.xml",
        200,
        "application/rss+xml",
        bytes(rss("Jamais", "Une brève", site.base() + "/articles/p.html?jamais", "Court […]")));
    Cli cli =
        new Cli(
            dir,
            """
            settings:
              fetch: {timeout: 2s, max_bytes: 1MB, concurrency: 4, per_host_delay: 0s, retries: 0}
              fulltext: {max_per_source: 3, min_words: 25}
            sources:
              - {id: breves, url: %1$s/flux.xml}
              - {id: jamais, url: %1$s/jamais.xml, fulltext: never}
            """
                .formatted(site.base()));
    assertEquals(0, cli.run("crawl").code());
    Map<String, JsonNode> first = exported(cli);
    long fetched =
        first.values().stream()
            .filter(n -> n.get("content_source").asText().equals("article"))
            .count();
    assertEquals(3, fetched);
    assertTrue(
        fulltext(first, "Brève 5")
            .contains("this run's 3 article fetches for the source were used"),
        fulltext(first, "Brève 5"));
    assertEquals("off: fulltext: never", fulltext(first, "Une brève"));
    assertEquals(0, site.requests("/articles/p.html?jamais").size());
    assertEquals(0, cli.run("crawl").code());
    Map<String, JsonNode> second = exported(cli);
    assertEquals(
        5,
        second.values().stream()
            .filter(n -> n.get("content_source").asText().equals("article"))
            .count(),
        "the deferred teasers are fetched in the next run");
  }

  @Test
  void badFulltextValuesAreNamed() {
    Cli cli =
        new Cli(
            dir,
            "sources:\n  - {id: journal, url: https://www.example.fr/flux.xml, fulltext: sometimes}\n");
    Cli.Result r = cli.run("sources", "list");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(
        r.err().contains("fulltext") && r.err().contains("must be auto, always or never"), r.err());
    cli.write(
        "settings:\n  fulltext: {max_per_source: -1}\nsources:\n  - {id: journal, url: https://www.example.fr/flux.xml}\n");
    r = cli.run("sources", "list");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("max_per_source"), r.err());
    cli.write(
        "sources:\n  - id: journal\n    url: https://www.example.fr/flux.xml\n    select: {content: 'article[['}\n");
    r = cli.run("sources", "list");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("select.content"), r.err());
  }
}
