package org.veille.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.app.Context;
import org.veille.store.WriterLock;
import org.veille.support.Cli;
import org.veille.support.Week;
import org.veille.wiring.Wiring;

/**
 * The editor's pages on a real port over a real store holding the week 2026-W47 for two audiences:
 * each edit a form post with its CSRF token, redirected, visible at once on the week page and in
 * the letter as it will be mailed; then approval, sending (GreenMail) and the archive.
 */
class WeekPagesTest {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");

  @TempDir Path dir;
  private GreenMail mail;
  private Cli cli;
  private WebServer web;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    String smtp =
        "  smtp: {host: 127.0.0.1, port: " + mail.getSmtp().getPort() + ", starttls: false}";
    cli =
        new Cli(
                dir,
                Week.config("fr", smtp)
                    + """
                    newsletters:
                      - id: climat
                        title: "Lettre climat des EPT"
                        recipients: ["ept-est@territoire.example"]
                        topics: [climat-gemapi]
                    """)
            .env(Map.of("VEILLE_NOW", Week.NOW));
    Week.store(cli);
    assertEquals(0, cli.run("reindex").code());
    web =
        WebServer.start(
            Context.of(cli.config(), cli.data(), Map.of("VEILLE_NOW", Week.NOW), new Wiring()),
            "127.0.0.1",
            0,
            java.util.Optional.empty());
  }

  @AfterEach
  void stop() {
    web.close();
    mail.stop();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    StringBuilder body = new StringBuilder();
    for (var e : form.entrySet()) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String csrf() throws Exception {
    Matcher m = CSRF.matcher(get("/week").body());
    assertTrue(m.find(), "the week page carries the CSRF token in its forms");
    return m.group(1);
  }

  /** An edit as the week page's form posts it; returns where it redirects. */
  private String edit(String action, String newsletter, String... fields) throws Exception {
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("csrf", csrf());
    form.put("newsletter", newsletter);
    form.put("week", Week.NAME);
    for (int i = 0; i < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    HttpResponse<String> r = post("/week/" + action, form);
    assertEquals(303, r.statusCode(), action + ": " + r.body());
    return r.headers().firstValue("Location").orElseThrow();
  }

  private Document week(String newsletter) throws Exception {
    HttpResponse<String> r = get("/week?newsletter=" + newsletter + "&week=" + Week.NAME);
    assertEquals(200, r.statusCode(), r.body());
    return Jsoup.parse(r.body());
  }

  /** The ids of the letter's items in reading order. */
  private static List<String> order(Document d) {
    List<String> out = new ArrayList<>();
    d.select("section.rubrique:not([aria-labelledby=masques]) li.brouillon")
        .forEach(li -> out.add(li.id().substring(2)));
    return out;
  }

  private String letter(String newsletter) throws Exception {
    HttpResponse<String> r =
        get("/preview/letter.html?newsletter=" + newsletter + "&week=" + Week.NAME);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
    return r.body().replace('\u202F', ' ').replace('\u00A0', ' ');
  }

  /** Text as words: French typography puts a narrow no-break space before the colon. */
  private static String words(String text) {
    return text.replace('\u202F', ' ').replace('\u00A0', ' ');
  }

  @Test
  void eachEditIsAPostRedirectedAndVisibleAtOnceOnThePageAndInTheLetter() throws Exception {
    Document d = week("main");
    List<String> ids = order(d);
    assertEquals(8, ids.size(), "the eight items of the week with a link: " + d.body().text());
    assertTrue(d.select("h2").eachText().contains("À la une") || d.select("h2").size() > 2);
    String last = ids.get(ids.size() - 1);
    String second = ids.get(1);

    String to = edit("pin", "main", "item", last);
    assertTrue(to.startsWith("/week?newsletter=main&week=2026-W47&fait=pin#i-" + last), to);
    Document after = Jsoup.parse(get(to).body());
    assertEquals(last, order(after).get(0), "the pinned item opens the letter");
    assertTrue(after.select("[role=status]").text().contains("à la une"), after.text());

    edit("hide", "main", "item", second);
    edit("title", "main", "item", ids.get(2), "text", "Inondations : le point de la semaine");
    edit(
        "summary",
        "main",
        "item",
        ids.get(2),
        "text",
        "Un résumé « maison » pour les partenaires.");
    edit(
        "edito",
        "main",
        "text",
        "Bonne lecture, **chers partenaires**.\n\n<script>alert(1)</script>");

    Document now = week("main");
    assertFalse(order(now).contains(second), "hidden");
    assertTrue(
        now.select("section[aria-labelledby=masques] li").stream()
            .anyMatch(li -> li.id().equals("i-" + second)));
    assertTrue(words(now.text()).contains("Inondations : le point de la semaine"));
    assertTrue(
        now.select("blockquote.edito").text().contains("<script>alert(1)</script>"),
        "the édito's markup is shown as text: " + now.select("blockquote.edito"));
    String page = get("/week?newsletter=main&week=" + Week.NAME).body();
    assertFalse(page.contains("<script>"), "no script reaches the page");

    String html = letter("main");
    assertTrue(
        html.contains("Inondations : le point de la semaine"),
        "the preview is the letter as edited");
    assertTrue(html.contains("Un résumé « maison » pour les partenaires."));
    assertTrue(html.contains("<strong>chers partenaires</strong>"));
    assertFalse(html.contains("<script>"), html);
    String preview = get("/preview?newsletter=main&week=" + Week.NAME).body();
    assertTrue(
        preview.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || !preview.contains("<script>"));
    assertTrue(
        words(preview).contains("Inondations : le point de la semaine"), "the text version too");

    // move to another section, reset undoes every change to an item
    edit("move", "main", "item", ids.get(3), "topic", "none");
    edit("reset", "main", "item", second);
    assertTrue(order(week("main")).contains(second), "shown again after reset");

    // the other audience has its own draft, untouched
    Document climat = week("climat");
    assertFalse(words(climat.text()).contains("Inondations : le point de la semaine"));
    assertTrue(climat.select("nav.onglets a[aria-current=page]").text().contains("climat"));
  }

  @Test
  void addByIdAndBySearch() throws Exception {
    Document found =
        Jsoup.parse(get("/week?newsletter=climat&week=" + Week.NAME + "&find=zfe").body());
    var forms = found.select("form[action=/week/add]");
    assertFalse(forms.isEmpty(), "search results can be added: " + found.text());
    String id = forms.first().select("input[name=item]").val();
    edit("add", "climat", "item", id);
    assertTrue(order(week("climat")).contains(id), "added to the climate letter");
    assertTrue(letter("climat").contains("https://news.example/"), "carried by the letter");

    HttpResponse<String> unknown =
        post(
            "/week/add",
            Map.of(
                "csrf", csrf(), "newsletter", "climat", "week", Week.NAME, "item", "0123456789ab"));
    assertEquals(400, unknown.statusCode());
    assertTrue(
        unknown.body().contains("no stored item with id &#39;0123456789ab&#39;")
            || unknown.body().contains("no stored item with id '0123456789ab'"),
        unknown.body());
  }

  @Test
  void approvalFreezesTheWeekUntilReopenedAndTheArchiveShowsTheSentLetter() throws Exception {
    List<String> ids = order(week("main"));
    edit("title", "main", "item", ids.get(0), "text", "ZFE : ce qui change lundi");
    edit("approve", "main");
    Document approved = week("main");
    assertTrue(approved.select(".etat").text().contains("approuvée"), approved.text());
    assertTrue(
        approved.select("form[action=/week/hide]").isEmpty(), "no edit form on a frozen week");
    HttpResponse<String> refused =
        post(
            "/week/hide",
            Map.of("csrf", csrf(), "newsletter", "main", "week", Week.NAME, "item", ids.get(1)));
    assertEquals(400, refused.statusCode());
    assertTrue(
        Jsoup.parse(refused.body()).select("[role=alert]").text().contains("is approved"),
        refused.body());

    // a dry run sends nothing and archives nothing more; the approved letter is in the archive
    assertEquals(0, cli.run("send", "--dry-run", "--newsletter", "main").code());
    Document archive = Jsoup.parse(get("/archive").body());
    assertTrue(archive.select("table.tableau tbody tr").text().contains(Week.NAME), archive.text());

    assertEquals(0, cli.run("send", "--newsletter", "main").code());
    Document shown = Jsoup.parse(get(Editor.archivedHref("main", Week.NAME)).body());
    assertTrue(shown.select("h1").text().length() > 0);
    var rows = shown.select("table.tableau tbody tr");
    assertTrue(rows.text().contains("alice@commune-a.example"), shown.text());
    assertTrue(rows.text().contains("envoyée"), shown.text());
    assertEquals(4, rows.size(), "three partners and the editor: " + rows.text());
    String sentHtml = get("/archive/letter.html?newsletter=main&week=" + Week.NAME).body();
    assertTrue(sentHtml.replace('\u202F', ' ').contains("ZFE : ce qui change lundi"));

    // searchable: which letter carried the ZFE article?
    Document hits = Jsoup.parse(get("/archive?q=zfe").body());
    assertTrue(
        hits.select("section[aria-labelledby=envoyes] a[href^=/archive/letter]")
            .text()
            .contains("main/" + Week.NAME),
        hits.text());
    Document bad =
        Jsoup.parse(get("/archive?q=" + URLEncoder.encode("(zfe", StandardCharsets.UTF_8)).body());
    assertTrue(bad.select("[role=alert]").text().contains("column"), bad.text());

    // the item page names the letter that carried it
    Document item = Jsoup.parse(get("/item/" + ids.get(0)).body());
    assertTrue(
        item.select("a[href^=/archive/letter]").text().contains("main/" + Week.NAME), item.text());

    // reopen: editable again, those served are not sent to twice
    edit("reopen", "main");
    assertTrue(week("main").select(".etat").text().contains("rouverte"));
    assertEquals(404, get(Editor.archivedHref("main", "2026-W01")).statusCode());
  }

  @Test
  void editsFromTwoBrowsersAtOnceAreAllKept() throws Exception {
    List<String> ids = order(week("main"));
    String token = csrf();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> done = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String id = ids.get(i);
      String title = "Titre retouché n° " + i;
      done.add(
          pool.submit(
              () -> {
                go.await();
                return post(
                        "/week/title",
                        Map.of(
                            "csrf",
                            token,
                            "newsletter",
                            "main",
                            "week",
                            Week.NAME,
                            "item",
                            id,
                            "text",
                            title))
                    .statusCode();
              }));
    }
    go.countDown();
    for (Future<Integer> f : done) {
      assertEquals(303, f.get());
    }
    pool.shutdown();
    Document d = week("main");
    for (int i = 0; i < 4; i++) {
      assertTrue(d.text().contains("Titre retouché n° " + i), "edit " + i + " kept: " + d.text());
    }
  }

  @Test
  void anEditWaitsForAnotherWriterThenSaysSo() throws Exception {
    String token = csrf();
    String id = order(week("main")).get(0);
    try (WriterLock crawl = WriterLock.acquire(cli.data(), Duration.ZERO)) {
      // the lock is held by this process: the edit waits its few seconds, then says why
      HttpResponse<String> r =
          post(
              "/week/hide",
              Map.of("csrf", token, "newsletter", "main", "week", Week.NAME, "item", id));
      assertEquals(503, r.statusCode());
      assertTrue(r.body().contains("nothing was changed"), r.body());
    }
    assertEquals(
        303,
        post(
                "/week/hide",
                Map.of("csrf", token, "newsletter", "main", "week", Week.NAME, "item", id))
            .statusCode());
  }

  @Test
  void badEditsAreRefusedByName() throws Exception {
    assertEquals(403, post("/week/pin", Map.of("newsletter", "main", "item", "1")).statusCode());
    assertEquals(405, get("/week/pin").statusCode());
    assertEquals(404, post("/week/explode", Map.of("csrf", csrf())).statusCode());
    HttpResponse<String> unknown = get("/week?newsletter=nobody");
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("no newsletter"), unknown.body());
    HttpResponse<String> topic =
        post(
            "/week/move",
            Map.of(
                "csrf",
                csrf(),
                "newsletter",
                "main",
                "week",
                Week.NAME,
                "item",
                order(week("main")).get(0),
                "topic",
                "sport"));
    assertEquals(400, topic.statusCode());
    assertTrue(topic.body().contains("unknown topic"), topic.body());
    HttpResponse<String> longEdito =
        post(
            "/week/edito",
            Map.of(
                "csrf",
                csrf(),
                "newsletter",
                "main",
                "week",
                Week.NAME,
                "text",
                "é".repeat(6_000)));
    assertEquals(400, longEdito.statusCode());
    assertTrue(longEdito.body().contains("5 000"), longEdito.body());
    HttpResponse<String> big =
        post(
            "/week/edito",
            Map.of("csrf", csrf(), "newsletter", "main", "text", "x".repeat(200_000)));
    assertEquals(413, big.statusCode());
    assertFalse(week("main").text().contains("xxxxxxxx"), "nothing kept of the oversized form");
  }
}
