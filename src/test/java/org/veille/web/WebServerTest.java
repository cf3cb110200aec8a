package org.veille.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.app.Context;
import org.veille.support.Cli;
import org.veille.support.TestServer;
import org.veille.wiring.Wiring;

/** The web interface on a real port, over a real store and index filled by a real crawl. */
class WebServerTest {
  private final TestServer feeds = new TestServer();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;
  private WebServer web;

  @BeforeEach
  void crawlAndServe() throws Exception {
    Cli cli =
        new Cli(
            dir,
            Cli.fastSettings()
                + "sources:\n"
                + "  - {id: gazette, url: \""
                + feeds.base()
                + "/gazette.xml\"}\n"
                + "  - {id: localtis, url: \""
                + feeds.base()
                + "/localtis.xml\"}\n"
                + "  - {id: ville, url: \""
                + feeds.base()
                + "/hostile/markup-titles.xml\"}\n");
    assertEquals(0, cli.run("crawl").code());
    Context ctx = Context.of(cli.config(), cli.data(), Map.of(), new Wiring());
    web = WebServer.start(ctx, "127.0.0.1", 0, Optional.empty());
  }

  @AfterEach
  void stop() {
    web.close();
    feeds.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String q(String query) {
    return "/?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  @Test
  void everyPageIsServedWithItsSecurityHeaders() throws Exception {
    for (String path : new String[] {"/", q("zfe"), "/sources", "/status", "/preview"}) {
      HttpResponse<String> r = get(path);
      assertEquals(200, r.statusCode(), path + ": " + r.body());
      assertTrue(
          r.headers()
              .firstValue("Content-Security-Policy")
              .orElse("")
              .contains("default-src 'none'"),
          path);
      assertFalse(
          r.headers().firstValue("Content-Security-Policy").orElse("").contains("unsafe-inline"),
          path);
      assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
      assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertFalse(r.body().contains("<script"), path + " runs no script");
    }
    assertTrue(get("/static/veille.css").body().contains("#000091"));
  }

  @Test
  void searchShowsHitsFacetsAndOpensAnItem() throws Exception {
    HttpResponse<String> r = get(q("zones à faibles émissions"));
    assertTrue(r.body().contains("ZFE : les métropoles face au calendrier"), r.body());
    assertTrue(r.body().contains("<b>"), "matched words marked");
    assertTrue(
        org.jsoup.Jsoup.parse(r.body()).select("aside.facettes a[href]").stream()
            .anyMatch(a -> a.attr("href").endsWith("&source=gazette")),
        "facets are links narrowing the search: " + r.body());
    var m = Pattern.compile("href=\"/item/([0-9a-f]{12})\"").matcher(r.body());
    assertTrue(m.find(), r.body());
    HttpResponse<String> item = get("/item/" + m.group(1));
    assertEquals(200, item.statusCode());
    assertTrue(item.body().contains("<h1>ZFE : les métropoles face au calendrier"), item.body());
  }

  @Test
  void badInputGetsAClearPageAndTheRightStatus() throws Exception {
    HttpResponse<String> bad = get(q("(zfe OR gemapi"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("bad query at column 15"), bad.body());
    assertEquals(404, get("/item/000000000000").statusCode());
    assertEquals(404, get("/nowhere").statusCode());
    assertEquals(403, post("/", "q=zfe").statusCode(), "a form post without its CSRF token");
    assertEquals(413, post("/", "q=" + "x".repeat(70_000)).statusCode());
    assertEquals(400, get("/preview?week=2026-W99").statusCode());
  }

  @Test
  void feedTextThatLooksLikeMarkupStaysText() throws Exception {
    HttpResponse<String> r = get(q("budget participatif"));
    assertFalse(Pattern.compile("<(script|img)").matcher(r.body()).find(), r.body());
    assertTrue(r.body().contains("&lt;script"), r.body());
  }

  @Test
  void anotherAddressNeedsAPassword() {
    Context ctx =
        Context.of(dir.resolve("feeds.yaml"), dir.resolve("data"), Map.of(), new Wiring());
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.veille.app.RequestException.class,
            () -> WebServer.start(ctx, "0.0.0.0", 0, Optional.empty()));
    assertTrue(e.getMessage().contains("--password-env"), e.getMessage());
  }
}
