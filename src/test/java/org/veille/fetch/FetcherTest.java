package org.veille.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.veille.config.Settings;
import org.veille.fetch.FetchOutcome.Failed;
import org.veille.fetch.FetchOutcome.Fetched;
import org.veille.fetch.FetchOutcome.Kind;
import org.veille.support.TestServer;

class FetcherTest {
  private static final String UA = "VeilleTest/1.0 (+https://example.org)";
  private final TestServer server = new TestServer();

  private static Settings.Fetch settings(long maxBytes) {
    return new Settings.Fetch(
        Duration.ofSeconds(2),
        maxBytes,
        4,
        Duration.ZERO,
        true,
        2,
        Duration.ofMillis(20),
        Duration.ofSeconds(3));
  }

  private FetchOutcome fetch(String path) throws InterruptedException {
    return fetch(server.url(path), null, null);
  }

  private FetchOutcome fetch(URI url, String etag, String lastModified)
      throws InterruptedException {
    return new Fetcher(settings(10L * 1024 * 1024), UA).fetch(url, etag, lastModified);
  }

  private static Failed failed(FetchOutcome o) {
    return assertInstanceOf(Failed.class, o, () -> "expected a failure, got " + o);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void conditionalGetSendsBackExactValidators() throws Exception {
    Fetched first = assertInstanceOf(Fetched.class, fetch("/gazette.xml"));
    assertEquals(TestServer.LAST_MODIFIED, first.lastModified());
    assertTrue(first.etag().startsWith("\""));
    FetchOutcome second = fetch(server.url("/gazette.xml"), first.etag(), first.lastModified());
    assertInstanceOf(FetchOutcome.NotModified.class, second);
    TestServer.Request r = server.requests("/gazette.xml").get(1);
    assertEquals(first.etag(), r.header("If-None-Match"));
    assertEquals(TestServer.LAST_MODIFIED, r.header("If-Modified-Since"));
    assertEquals(UA, r.header("User-Agent"));
    assertTrue(r.header("Accept-Encoding").contains("gzip"));
  }

  @Test
  void gzipAndDeflateBodiesAreDecoded() throws Exception {
    byte[] xml = TestServer.fixture("gazette.xml");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(xml);
    }
    server.respond("/gz", 200, "application/rss+xml", gz.toByteArray(), "Content-Encoding", "gzip");
    java.util.zip.Deflater d = new java.util.zip.Deflater();
    d.setInput(xml);
    d.finish();
    byte[] buf = new byte[xml.length * 2];
    int n = d.deflate(buf);
    server.respond(
        "/deflate",
        200,
        "application/rss+xml",
        java.util.Arrays.copyOf(buf, n),
        "Content-Encoding",
        "deflate");
    assertEquals(xml.length, assertInstanceOf(Fetched.class, fetch("/gz")).body().length);
    assertEquals(xml.length, assertInstanceOf(Fetched.class, fetch("/deflate")).body().length);
  }

  @Test
  void invalidGzipIsBadContent() throws Exception {
    server.respond(
        "/badgz",
        200,
        "application/rss+xml",
        "not gzip at all".getBytes(StandardCharsets.UTF_8),
        "Content-Encoding",
        "gzip");
    Failed f = failed(fetch("/badgz"));
    assertEquals(Kind.BAD_CONTENT, f.kind());
    assertTrue(f.message().contains("invalid gzip"), f.message());
  }

  @Test
  void bodyOverTheCapIsCutOffWhileStreaming() throws Exception {
    AtomicLong written = new AtomicLong();
    server.route(
        "/huge",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "application/xml");
          ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to trust
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) 'a');
          try (OutputStream os = ex.getResponseBody()) {
            for (int i = 0; i < 50 * 16; i++) { // 50 MB
              os.write(chunk);
              written.addAndGet(chunk.length);
            }
          } catch (IOException e) {
            // the client hung up, as it should
          }
        });
    Failed f = failed(fetch("/huge"));
    assertEquals(Kind.TOO_LARGE, f.kind());
    assertTrue(f.message().contains("max_bytes"), f.message());
    Thread.sleep(200);
    assertTrue(
        written.get() < 50L * 1024 * 1024, "the client stopped reading early: " + written.get());
  }

  @Test
  void gzipBombIsCappedOnTheDecodedSize() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(new byte[3 * 1024 * 1024]);
    }
    server.respond(
        "/bomb.gz", 200, "application/xml", gz.toByteArray(), "Content-Encoding", "gzip");
    Failed f =
        failed(new Fetcher(settings(1024 * 1024), UA).fetch(server.url("/bomb.gz"), null, null));
    assertEquals(Kind.TOO_LARGE, f.kind());
  }

  @Test
  void serverThatNeverAnswersTimesOut() throws Exception {
    server.route(
        "/silent",
        ex -> {
          try {
            Thread.sleep(10_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    long t0 = System.nanoTime();
    Failed f = failed(fetch("/silent"));
    assertEquals(Kind.TIMEOUT, f.kind());
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 8000, "a timeout is not retried");
  }

  @Test
  void connectionResetIsANetworkErrorAfterRetries() throws Exception {
    Failed f = failed(fetch(server.resetUrl("/feed"), null, null));
    assertEquals(Kind.NETWORK, f.kind());
    assertEquals(3, f.attempts());
    assertTrue(f.message().endsWith("after 3 tries"), f.message());
  }

  @Test
  void refusedConnectionNamesTheHost() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Failed f = failed(fetch(URI.create("http://127.0.0.1:" + port + "/feed"), null, null));
    assertEquals(Kind.NETWORK, f.kind());
    assertTrue(f.message().contains("cannot connect to 127.0.0.1"), f.message());
  }

  @Test
  void redirectsAreFollowedUpToFive() throws Exception {
    for (int i = 1; i <= 5; i++) {
      server.respond(
          "/r" + i, 301, null, null, "Location", i == 5 ? "/gazette.xml" : "/r" + (i + 1));
    }
    Fetched f = assertInstanceOf(Fetched.class, fetch("/r1"));
    assertEquals(server.url("/gazette.xml"), f.finalUrl());
    server.respond("/r0", 302, null, null, "Location", "/r1");
    assertTrue(failed(fetch("/r0")).message().contains("too many redirects"));
  }

  @Test
  void redirectLoopIsDetected() throws Exception {
    server.respond("/a", 302, null, null, "Location", "/b");
    server.respond("/b", 302, null, null, "Location", "/a");
    Failed f = failed(fetch("/a"));
    assertEquals(Kind.REDIRECT, f.kind());
    assertTrue(f.message().contains("redirect loop"), f.message());
  }

  @Test
  void redirectToFileOrFtpIsRefused() throws Exception {
    server.respond("/to-file", 302, null, null, "Location", "file:///etc/passwd");
    server.respond("/to-ftp", 301, null, null, "Location", "ftp://example.org/feed.xml");
    assertTrue(failed(fetch("/to-file")).message().contains("refused redirect to file:"));
    assertTrue(failed(fetch("/to-ftp")).message().contains("refused redirect to ftp:"));
  }

  @Test
  void notFoundAndGoneAreNotRetried() throws Exception {
    server.respond("/gone", 410, "text/plain", "gone".getBytes(StandardCharsets.UTF_8));
    Failed missing = failed(fetch("/missing.xml"));
    assertEquals(404, missing.status());
    assertEquals(1, missing.attempts());
    Failed gone = failed(fetch("/gone"));
    assertEquals(410, gone.status());
    assertTrue(gone.message().contains("gone"), gone.message());
  }

  @Test
  void tooManyRequestsHonoursRetryAfter() throws Exception {
    server.sequence(
        "/limited",
        ex ->
            TestServer.send(
                ex,
                429,
                "text/plain",
                "slow down".getBytes(StandardCharsets.UTF_8),
                "Retry-After",
                "1"),
        ex -> TestServer.send(ex, 200, "application/xml", TestServer.fixture("gazette.xml")));
    long t0 = System.nanoTime();
    assertInstanceOf(Fetched.class, fetch("/limited"));
    assertTrue((System.nanoTime() - t0) / 1_000_000 >= 950, "waited for Retry-After");
  }

  @Test
  void retryAfterBeyondTheCapStopsRetryingAndIsReported() throws Exception {
    server.respond(
        "/later",
        429,
        "text/plain",
        "later".getBytes(StandardCharsets.UTF_8),
        "Retry-After",
        "3600");
    Failed f = failed(fetch("/later"));
    assertEquals(1, f.attempts());
    assertEquals(Duration.ofHours(1), f.retryAfter());
  }

  @Test
  void serviceUnavailableThenOk() throws Exception {
    server.sequence(
        "/flaky",
        ex -> TestServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8)),
        ex -> TestServer.send(ex, 200, "application/xml", TestServer.fixture("gazette.xml")));
    Fetched f = assertInstanceOf(Fetched.class, fetch("/flaky"));
    assertEquals(2, f.attempts());
  }

  @Test
  void persistentServerErrorIsReportedWithTries() throws Exception {
    server.respond("/down", 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8));
    Failed f = failed(fetch("/down"));
    assertEquals("HTTP 503 after 3 tries", f.message());
    assertEquals(3, server.requests("/down").size());
  }

  @Test
  void robotsTxtIsRespected() throws Exception {
    server.respond(
        "/robots.txt",
        200,
        "text/plain",
        "User-agent: veilletest\nDisallow: /private/\n\nUser-agent: *\nDisallow:\n"
            .getBytes(StandardCharsets.UTF_8));
    Fetcher fetcher = new Fetcher(settings(1024 * 1024), UA);
    Failed f = failed(fetcher.fetch(server.url("/private/feed.xml"), null, null));
    assertEquals(Kind.ROBOTS, f.kind());
    assertInstanceOf(Fetched.class, fetcher.fetch(server.url("/gazette.xml"), null, null));
    assertEquals(1, server.requests("/robots.txt").size(), "robots.txt is fetched once per host");
    assertTrue(server.requests("/private/feed.xml").isEmpty());
  }
}
