package org.veille.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * The crawl benchmark's server behind {@code scripts/bench crawl}: serves the feeds of {@link
 * BenchCorpus} at {@code /feed/N.xml} from several loopback addresses (127.0.0.2, 127.0.0.3, …) so
 * that per-host politeness applies per address, with an added latency per request, ETags and 304s;
 * with {@code BENCH_TEASERS=0.5}, half the items are teasers whose article pages it serves at
 * {@code /article/N/I.html} (same latency). Every body is generated before the port is announced,
 * so that the crawl measured does not share the machine with the generation. Stops by itself after
 * a time limit.
 *
 * <p>Usage: {@code BenchServer FEEDS ADDRESSES LATENCY_MS PORT_FILE MAX_SECONDS}; the corpus is
 * chosen by {@code BENCH_CORPUS} ({@code realistic} by default, or {@code light}) and {@code
 * BENCH_SEED}.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    int feeds = Integer.parseInt(args[0]);
    int addresses = Integer.parseInt(args[1]);
    long latency = Long.parseLong(args[2]);
    Path portFile = Path.of(args[3]);
    int maxSeconds = Integer.parseInt(args[4]);
    // bound first, so that teaser items can link to article pages on their feed's address
    HttpServer[] servers = new HttpServer[addresses];
    int port = 0;
    for (int i = 0; i < addresses; i++) {
      servers[i] =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByName("127.0.0." + (i + 2)), port), 256);
      port = servers[i].getAddress().getPort();
    }
    int bound = port;
    double teasers = Double.parseDouble(System.getenv().getOrDefault("BENCH_TEASERS", "0"));
    BenchCorpus corpus =
        BenchCorpus.fromEnvironment()
            .withTeasers(teasers, n -> "http://127.0.0." + ((n % addresses) + 2) + ":" + bound);
    long t0 = System.nanoTime();
    byte[][] bodies = new byte[feeds + 1][];
    byte[][][] articles = new byte[feeds + 1][][];
    IntStream.rangeClosed(1, feeds)
        .parallel()
        .forEach(
            n -> {
              bodies[n] = corpus.feed(n).getBytes(StandardCharsets.UTF_8);
              articles[n] = new byte[BenchCorpus.ITEMS][];
              for (int i = 0; i < BenchCorpus.ITEMS; i++) {
                if (corpus.teaser(n, i)) {
                  articles[n][i] = corpus.articlePage(n, i).getBytes(StandardCharsets.UTF_8);
                }
              }
            });
    int teaserItems = 0;
    for (int n = 1; n <= feeds; n++) {
      for (byte[] a : articles[n]) {
        teaserItems += a == null ? 0 : 1;
      }
    }
    long bytes = 0;
    int atom = 0;
    int french = 0;
    for (int n = 1; n <= feeds; n++) {
      bytes += bodies[n].length;
      atom += corpus.atom(n) ? 1 : 0;
      french += corpus.french(n) ? 1 : 0;
    }
    System.err.printf(
        "bench server: %s corpus, %d feeds (%d Atom, %d French), %d teaser items with article"
            + " pages, %.1f MB, generated in %.1f s%n",
        corpus.kind().name().toLowerCase(java.util.Locale.ROOT),
        feeds,
        atom,
        french,
        teaserItems,
        bytes / 1e6,
        (System.nanoTime() - t0) / 1e9);
    for (HttpServer s : servers) {
      s.setExecutor(Executors.newFixedThreadPool(32));
      s.createContext("/", ex -> serve(ex, latency, bodies, articles, corpus));
      s.start();
    }
    Files.writeString(portFile, String.valueOf(port));
    Thread.sleep(maxSeconds * 1000L);
    System.exit(0);
  }

  private static void serve(
      HttpExchange ex, long latency, byte[][] bodies, byte[][][] articles, BenchCorpus corpus)
      throws IOException {
    try {
      Thread.sleep(latency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String path = ex.getRequestURI().getPath();
    if (path.startsWith("/article/") && path.endsWith(".html")) {
      serveArticle(ex, path, articles);
      return;
    }
    int n = -1;
    if (path.startsWith("/feed/") && path.endsWith(".xml")) {
      try {
        n = Integer.parseInt(path.substring(6, path.length() - 4));
      } catch (NumberFormatException e) {
        n = -1;
      }
    }
    if (n < 1 || n >= bodies.length) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    String etag = "\"feed-" + n + "-v1\"";
    ex.getResponseHeaders().add("ETag", etag);
    ex.getResponseHeaders().add("Last-Modified", "Sun, 01 Nov 2026 00:00:00 GMT");
    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      ex.sendResponseHeaders(304, -1);
      ex.close();
      return;
    }
    byte[] body = bodies[n];
    ex.getResponseHeaders()
        .add(
            "Content-Type",
            (corpus.atom(n) ? "application/atom+xml" : "application/rss+xml") + "; charset=utf-8");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(body);
    }
  }

  /** {@code /article/N/I.html}: the page of a teaser item, with an ETag; 404 for any other. */
  private static void serveArticle(HttpExchange ex, String path, byte[][][] articles)
      throws IOException {
    String[] parts = path.substring(9, path.length() - 5).split("/");
    byte[] page = null;
    try {
      int n = Integer.parseInt(parts[0]);
      int i = Integer.parseInt(parts[1]);
      page =
          n >= 1 && n < articles.length && i >= 0 && i < articles[n].length ? articles[n][i] : null;
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      page = null;
    }
    if (page == null) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    String etag = "\"article-" + path.hashCode() + "\"";
    ex.getResponseHeaders().add("ETag", etag);
    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      ex.sendResponseHeaders(304, -1);
      ex.close();
      return;
    }
    ex.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
    ex.sendResponseHeaders(200, page.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(page);
    }
  }
}
