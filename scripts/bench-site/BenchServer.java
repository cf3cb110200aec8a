import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark server: serves synthetic RSS feeds of 25 items at /feed/N.xml on several loopback
 * addresses (127.0.0.2, 127.0.0.3, …) so that per-host politeness applies per address, with an
 * added latency per request, ETags and 304s. Stops by itself after a time limit.
 *
 * Usage: java BenchServer.java ADDRESSES LATENCY_MS PORT_FILE MAX_SECONDS
 */
public class BenchServer {
  private static final String[] WORDS = ("ville intelligente innovation publique mobilité zone faibles émissions "
      + "coopération territoriale métropole données ouvertes climat inondation appel projets Europe "
      + "smart city public sector innovation funding cities citizens participation housing").split(" ");

  public static void main(String[] args) throws Exception {
    int addresses = Integer.parseInt(args[0]);
    long latency = Long.parseLong(args[1]);
    int maxSeconds = Integer.parseInt(args[3]);
    AtomicLong requests = new AtomicLong();
    int port = 0;
    for (int i = 0; i < addresses; i++) {
      HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + (i + 2)), port), 256);
      s.setExecutor(Executors.newFixedThreadPool(32));
      s.createContext("/", ex -> serve(ex, latency, requests));
      s.start();
      port = s.getAddress().getPort();
    }
    Files.writeString(Path.of(args[2]), String.valueOf(port));
    Thread.sleep(maxSeconds * 1000L);
    System.exit(0);
  }

  private static void serve(HttpExchange ex, long latency, AtomicLong requests) throws IOException {
    requests.incrementAndGet();
    try {
      Thread.sleep(latency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String path = ex.getRequestURI().getPath();
    if (!path.startsWith("/feed/")) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    int n = Integer.parseInt(path.replaceAll("\\D", ""));
    String etag = "\"feed-" + n + "-v1\"";
    ex.getResponseHeaders().add("ETag", etag);
    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      ex.sendResponseHeaders(304, -1);
      ex.close();
      return;
    }
    byte[] body = feed(n).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(body);
    }
  }

  private static String feed(int n) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
        .append("<title>Bench feed ").append(n).append("</title><link>https://bench.example/").append(n)
        .append("</link><description>Synthetic</description><language>fr</language>");
    Instant base = Instant.parse("2026-11-01T00:00:00Z");
    java.util.Random r = new java.util.Random(n);
    for (int i = 0; i < 25; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 60; w++) {
        text.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
      }
      sb.append("<item><title>Article ").append(n).append('-').append(i).append(" : ")
          .append(WORDS[r.nextInt(WORDS.length)]).append(' ').append(WORDS[r.nextInt(WORDS.length)])
          .append("</title><link>https://bench.example/").append(n).append('/').append(i)
          .append("</link><guid>bench-").append(n).append('-').append(i).append("</guid><pubDate>")
          .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(base.plusSeconds(n * 100L + i).atOffset(ZoneOffset.UTC)))
          .append("</pubDate><description>").append(text).append("</description></item>");
    }
    return sb.append("</channel></rss>").toString();
  }
}
