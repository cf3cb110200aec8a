package org.veille.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.app.Context;
import org.veille.app.RequestException;

/**
 * {@code veille serve}: a small server-rendered web interface over the use cases of {@link
 * org.veille.app}, on the JDK's HTTP server. It binds to 127.0.0.1 unless told otherwise, and then
 * only with a password (HTTP Basic, for use behind the operator's reverse proxy). Every page sends
 * a Content-Security-Policy without inline script, and every form carries a CSRF token.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  /** The largest form body accepted. */
  static final int MAX_FORM_BYTES = 64 * 1024;

  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
          + " frame-src 'self'; frame-ancestors 'self'; base-uri 'none'";

  private final HttpServer server;
  private final ExecutorService pool;
  private final Optional<String> password;
  private final String csrf;
  private final Pages pages;
  private final Editor editor;
  private final WeekEdits edits;
  private final ArchivePages archive;

  private WebServer(
      HttpServer server, ExecutorService pool, Context ctx, Optional<String> password) {
    this.server = server;
    this.pool = pool;
    this.password = password;
    byte[] token = new byte[24];
    new SecureRandom().nextBytes(token);
    this.csrf = HexFormat.of().formatHex(token);
    Templates templates = new Templates();
    this.pages = new Pages(ctx, templates, csrf);
    this.editor = new Editor(ctx, templates, pages, csrf);
    this.edits = new WeekEdits(ctx, pages, editor);
    this.archive = new ArchivePages(ctx, templates, pages);
  }

  /**
   * Starts serving {@code ctx} on {@code bind}:{@code port} (0: any free port).
   *
   * @throws RequestException when binding elsewhere than loopback without a password
   */
  public static WebServer start(Context ctx, String bind, int port, Optional<String> password)
      throws IOException {
    InetSocketAddress address = new InetSocketAddress(bind, port);
    if (!address.getAddress().isLoopbackAddress() && password.isEmpty()) {
      throw new RequestException(
          "serving on "
              + bind
              + " would open the watch to the network; give --password-env VAR (HTTP Basic,"
              + " behind a reverse proxy with TLS) or bind to 127.0.0.1");
    }
    HttpServer http = HttpServer.create(address, 64);
    ExecutorService pool = Executors.newFixedThreadPool(4, r -> daemonThread(r));
    WebServer w = new WebServer(http, pool, ctx, password);
    http.createContext("/", w::handle);
    http.setExecutor(pool);
    http.start();
    log.info("serving on http://{}:{}/", bind, w.port());
    return w;
  }

  private static Thread daemonThread(Runnable r) {
    Thread t = new Thread(r, "veille-web");
    t.setDaemon(true);
    return t;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      headers(ex);
      if (!authorised(ex)) {
        ex.getResponseHeaders()
            .set("WWW-Authenticate", "Basic realm=\"Veille\", charset=\"UTF-8\"");
        send(ex, 401, "text/plain; charset=utf-8", "authentication required");
        return;
      }
      String method = ex.getRequestMethod();
      Map<String, List<String>> params = query(ex.getRequestURI().getRawQuery());
      if (method.equals("POST")) {
        Optional<Map<String, List<String>>> form = form(ex);
        if (form.isEmpty()) {
          page(
              ex, 413, pages.error("Formulaire trop grand", "Ce formulaire dépasse 64 Ko.").html());
          return;
        }
        if (!csrf.equals(first(form.get(), "csrf"))) {
          page(
              ex,
              403,
              pages
                  .error(
                      "Formulaire refusé",
                      "Jeton de sécurité absent ou périmé : rechargez la page.")
                  .html());
          return;
        }
        params.putAll(form.get());
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD, POST");
        send(ex, 405, "text/plain; charset=utf-8", "method not allowed");
        return;
      }
      route(ex, method, ex.getRequestURI().getPath(), params);
    } catch (RuntimeException e) {
      log.warn("{} {}: {}", ex.getRequestMethod(), ex.getRequestURI(), e.toString(), e);
      try {
        page(
            ex,
            500,
            pages
                .error("Erreur", "Une erreur inattendue s'est produite : " + e.getMessage())
                .html());
      } catch (IOException | RuntimeException ignored) {
        // the response was already under way
      }
    }
  }

  private void route(HttpExchange ex, String method, String path, Map<String, List<String>> params)
      throws IOException {
    Pages.Response r;
    if (path.equals("/static/veille.css")) {
      ex.getResponseHeaders().set("Cache-Control", "public, max-age=86400");
      sendBytes(ex, 200, "text/css; charset=utf-8", resource("/web/veille.css"));
      return;
    } else if (path.startsWith("/week/")) {
      if (!method.equals("POST")) {
        ex.getResponseHeaders().set("Allow", "POST");
        send(ex, 405, "text/plain; charset=utf-8", "an edit is a form post");
        return;
      }
      r = edits.edit(path.substring("/week/".length()), params);
    } else if (path.equals("/")) {
      r = pages.search(params);
    } else if (path.startsWith("/item/")) {
      r = pages.item(path.substring("/item/".length()));
    } else if (path.equals("/week")) {
      r = editor.week(params, null, 200);
    } else if (path.equals("/sources")) {
      r = pages.sources();
    } else if (path.equals("/status")) {
      r = pages.status();
    } else if (path.equals("/preview")) {
      r = editor.preview(params);
    } else if (path.equals("/preview/letter.html")) {
      r = editor.letter(params);
      framed(ex);
    } else if (path.equals("/archive")) {
      r = archive.archive(params);
    } else if (path.equals("/archive/letter")) {
      r = archive.archived(params);
    } else if (path.equals("/archive/letter.html")) {
      r = archive.archivedHtml(params);
      framed(ex);
    } else {
      r = pages.notFound();
    }
    if (r.location() != null) {
      ex.getResponseHeaders().set("Location", r.location());
      ex.sendResponseHeaders(303, -1);
      return;
    }
    page(ex, r.status(), r.html());
  }

  /** A letter shown in a sandboxed frame of a page: its own styles, still no script. */
  private static void framed(HttpExchange ex) {
    ex.getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; sandbox");
    ex.getResponseHeaders().set("X-Frame-Options", "SAMEORIGIN");
  }

  private static void headers(HttpExchange ex) {
    var h = ex.getResponseHeaders();
    h.set("Content-Security-Policy", CSP);
    h.set("X-Frame-Options", "DENY");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cache-Control", "no-store");
  }

  private boolean authorised(HttpExchange ex) {
    if (password.isEmpty()) {
      return true;
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Basic ")) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    String given = colon < 0 ? "" : decoded.substring(colon + 1);
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), password.get().getBytes(StandardCharsets.UTF_8));
  }

  /** The form of a POST, or empty when it is over {@link #MAX_FORM_BYTES}. */
  private static Optional<Map<String, List<String>>> form(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
      if (body.length > MAX_FORM_BYTES) {
        // read what is left (up to a bound), so that the client hears the 413 instead of a reset
        in.readNBytes(16 * MAX_FORM_BYTES);
        return Optional.empty();
      }
      return Optional.of(query(new String(body, StandardCharsets.UTF_8)));
    }
  }

  /** Parameters of a query string or a urlencoded form, in order, repeated names kept. */
  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  static String first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static void page(HttpExchange ex, int status, String html) throws IOException {
    send(ex, status, "text/html; charset=utf-8", html);
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    sendBytes(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void sendBytes(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    server.stop(1);
    pool.shutdownNow();
  }
}
