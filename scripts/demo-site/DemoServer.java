import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the demo's sample site on 127.0.0.1 for `scripts/demo`, so the whole pipeline runs
 * without internet. Placeholders in the files keep the samples fresh: {{RFC:n}} (RFC 822 date n
 * days ago, for RSS), {{ISO:n}} (for Atom) and {{FR:n}} ("13 février 2026", for pages); a negative n is a day to come (a deadline). Answers
 * conditional requests with 304 like a real server.
 *
 * Usage: java DemoServer.java SITE_DIR PORT_FILE   (prints nothing; writes the port to PORT_FILE)
 */
public class DemoServer {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(RFC|ISO|FR):(-?\\d+)\\}\\}");

  public static void main(String[] args) throws Exception {
    Path site = Path.of(args[0]);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", ex -> serve(site, ex));
    server.start();
    Files.writeString(Path.of(args[1]), String.valueOf(server.getAddress().getPort()));
  }

  private static void serve(Path site, HttpExchange ex) throws IOException {
    String name = ex.getRequestURI().getPath().replaceFirst("^/+", "");
    Path file = site.resolve(name).normalize();
    if (name.isEmpty() || !file.startsWith(site) || !Files.isRegularFile(file)) {
      send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    byte[] body;
    try {
      String base = "http://" + ex.getRequestHeaders().getFirst("Host"); // links back to this server
      body = fill(Files.readString(file, StandardCharsets.UTF_8)).replace("{{BASE}}", base)
          .getBytes(StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      body = Files.readAllBytes(file); // a feed in another encoding (cdg-spip.xml): served as it is
    }
    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
    ex.getResponseHeaders().add("ETag", etag);
    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      ex.sendResponseHeaders(304, -1);
      ex.close();
      return;
    }
    String type = name.endsWith(".html") ? "text/html; charset=utf-8"
        : name.endsWith(".atom") ? "application/atom+xml"
        : name.endsWith(".json") ? "application/feed+json" : "application/rss+xml; charset=utf-8";
    send(ex, 200, type, body);
  }

  private static String fill(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    while (m.find()) {
      int days = Integer.parseInt(m.group(2));
      ZonedDateTime t = today.minusDays(days).atTime(8, 30).atZone(ZoneOffset.UTC);
      String value = switch (m.group(1)) {
        case "RFC" -> DateTimeFormatter.RFC_1123_DATE_TIME.format(t);
        case "ISO" -> t.toInstant().toString();
        default -> DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).format(t);
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(body);
    }
  }
}
