package org.veille.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 for tests: serves the fixture files of {@code
 * src/test/resources/site/} with ETag and Last-Modified (answering 304 to matching conditional
 * requests), plus routes that tests add, misbehaving ones included. Records every request.
 */
public final class TestServer implements AutoCloseable {
  public static final String LAST_MODIFIED = "Mon, 23 Nov 2026 08:00:00 GMT";

  private final HttpServer server;
  private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ServerSocket resetServer;

  /** A request as the server saw it. */
  public record Request(String method, String path, Map<String, List<String>> headers) {
    public String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  public TestServer() {
    this("127.0.0.1");
  }

  public TestServer(String address) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
      server.setExecutor(
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "test-http");
                t.setDaemon(true);
                return t;
              }));
      server.createContext("/", this::handle);
      server.start();
      resetServer = new ServerSocket(0, 50, InetAddress.getByName(address));
      Thread t = new Thread(this::resetLoop, "test-reset");
      t.setDaemon(true);
      t.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI url(String path) {
    return URI.create(
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort()
            + path);
  }

  public String base() {
    return url("").toString();
  }

  /** A URL on a port that accepts connections and resets them at once. */
  public URI resetUrl(String path) {
    return URI.create("http://127.0.0.1:" + resetServer.getLocalPort() + path);
  }

  public TestServer route(String path, HttpHandler handler) {
    routes.put(path, handler);
    return this;
  }

  /** A route answering {@code status} with {@code body} and the given header pairs. */
  public TestServer respond(
      String path, int status, String contentType, byte[] body, String... headers) {
    return route(path, ex -> send(ex, status, contentType, body, headers));
  }

  /** A route that answers each request in turn with the given handlers, repeating the last. */
  public TestServer sequence(String path, HttpHandler... handlers) {
    AtomicInteger n = new AtomicInteger();
    return route(
        path, ex -> handlers[Math.min(n.getAndIncrement(), handlers.length - 1)].handle(ex));
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  public static void send(
      HttpExchange ex, int status, String contentType, byte[] body, String... headers)
      throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().add("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      ex.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    boolean noBody = body == null || body.length == 0 || status == 304 || status == 204;
    ex.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    }
    ex.close();
  }

  public static byte[] fixture(String name) {
    try (InputStream in = TestServer.class.getResourceAsStream("/site/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    requests.add(
        new Request(
            ex.getRequestMethod(),
            ex.getRequestURI().toString(),
            Map.copyOf(ex.getRequestHeaders())));
    ex.getRequestBody().readAllBytes();
    HttpHandler h = routes.get(ex.getRequestURI().toString());
    if (h == null) {
      h = routes.get(path);
    }
    if (h != null) {
      h.handle(ex);
      return;
    }
    if (path.equals("/robots.txt")) {
      send(ex, 404, "text/plain", "no robots".getBytes(StandardCharsets.UTF_8));
      return;
    }
    serveFixture(ex, path.substring(1));
  }

  private static void serveFixture(HttpExchange ex, String name) throws IOException {
    byte[] body;
    try {
      body = fixture(name);
    } catch (IllegalArgumentException e) {
      send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
    String inm = ex.getRequestHeaders().getFirst("If-None-Match");
    String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
    if (etag.equals(inm) || inm == null && LAST_MODIFIED.equals(ims)) {
      send(ex, 304, null, null, "ETag", etag);
      return;
    }
    String type =
        name.endsWith(".html")
            ? "text/html; charset=utf-8"
            : name.endsWith(".json") ? "application/json" : "application/xml";
    send(ex, 200, type, body, "ETag", etag, "Last-Modified", LAST_MODIFIED);
  }

  private void resetLoop() {
    while (!resetServer.isClosed()) {
      try {
        Socket s = resetServer.accept();
        s.setSoLinger(true, 0);
        s.close();
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    try {
      resetServer.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
