package org.veille.fetch;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.config.Settings;
import org.veille.fetch.FetchOutcome.Failed;
import org.veille.fetch.FetchOutcome.Kind;

/**
 * Fetches URLs politely: conditional GET, gzip and deflate, at most {@value #MAX_REDIRECTS}
 * redirects (http and https only), a connect and a total timeout, the {@code max_bytes} cap
 * enforced while the body streams in, robots.txt, and retries with exponential back-off and jitter
 * on connection errors, 429 and 5xx. Per-host spacing is the caller's part (see {@link
 * PoliteQueue}). Thread-safe; one instance serves a whole run.
 */
public final class Fetcher implements AutoCloseable {
  static final int MAX_REDIRECTS = 5;
  private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

  private final Settings.Fetch settings;
  private final String userAgent;
  private final HttpClient client;
  private final RobotsCache robots;
  private final HostGate hosts;
  private final FetchFailures failures;

  public Fetcher(Settings.Fetch settings, String userAgent) {
    this.settings = settings;
    this.userAgent = userAgent;
    Duration connect =
        settings.timeout().compareTo(Duration.ofSeconds(10)) < 0
            ? settings.timeout()
            : Duration.ofSeconds(10);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connect)
            .proxy(ProxySelector.getDefault())
            .build();
    this.robots = new RobotsCache(this, userAgent);
    this.hosts = new HostGate(settings.perHostDelay());
    this.failures = new FetchFailures(settings);
  }

  /** The per-host slots of this fetcher's run, shared by every request made through it. */
  public HostGate hosts() {
    return hosts;
  }

  /**
   * {@link #fetch} in the slot of {@code url}'s host: waits until the host is free and its {@code
   * per_host_delay} has passed since its last request of the run. The calling thread lets go of any
   * other host it held first.
   */
  public FetchOutcome fetchInTurn(URI url, String etag, String lastModified)
      throws InterruptedException {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    hosts.enter(host);
    try {
      return fetch(url, etag, lastModified);
    } finally {
      hosts.leave();
    }
  }

  /**
   * Fetches {@code url}, sending back {@code etag} and {@code lastModified} (either may be null)
   * exactly as the server gave them. Never throws for network or HTTP problems.
   */
  public FetchOutcome fetch(URI url, String etag, String lastModified) throws InterruptedException {
    if (settings.respectRobots() && !robots.allowed(url)) {
      return new Failed(
          url, Kind.ROBOTS, 0, "blocked by robots.txt for user agent '" + userAgent + "'", null, 0);
    }
    int tries = 1 + settings.retries();
    FetchOutcome last = null;
    for (int attempt = 1; attempt <= tries; attempt++) {
      last = fetchFollowingRedirects(url, etag, lastModified, attempt);
      if (!(last instanceof Failed f) || !retryable(f) || attempt == tries) {
        break;
      }
      Duration wait = backoff(attempt);
      if (f.retryAfter() != null) {
        if (f.retryAfter().compareTo(settings.maxRetryWait()) > 0) {
          break; // the server asks for more patience than a run has; the crawl backs off instead
        }
        wait = f.retryAfter();
      }
      log.debug(
          "{}: {} (try {}/{}), retrying in {} ms",
          url,
          f.message(),
          attempt,
          tries,
          wait.toMillis());
      Thread.sleep(wait.toMillis());
    }
    if (last instanceof Failed f && f.attempts() > 1 && retryable(f)) {
      return new Failed(
          url,
          f.kind(),
          f.status(),
          f.message() + " after " + f.attempts() + " tries",
          f.retryAfter(),
          f.attempts());
    }
    return last;
  }

  /** Fetches once without robots or retries; used for robots.txt itself. */
  FetchOutcome fetchOnce(URI url) throws InterruptedException {
    return fetchFollowingRedirects(url, null, null, 1);
  }

  private static boolean retryable(Failed f) {
    return f.kind() == Kind.NETWORK
        || (f.kind() == Kind.HTTP && (f.status() == 429 || f.status() >= 500));
  }

  private Duration backoff(int attempt) {
    long base = settings.retryBackoff().toMillis() << Math.min(attempt - 1, 16);
    long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
    long ms = Math.min(base + jitter, settings.maxRetryWait().toMillis());
    return Duration.ofMillis(ms);
  }

  private FetchOutcome fetchFollowingRedirects(
      URI start, String etag, String lastModified, int attempt) throws InterruptedException {
    URI url = start;
    Set<URI> seen = new HashSet<>();
    for (int hop = 0; ; hop++) {
      if (!seen.add(url)) {
        return new Failed(start, Kind.REDIRECT, 0, "redirect loop at " + url, null, attempt);
      }
      if (hop > MAX_REDIRECTS) {
        return new Failed(
            start,
            Kind.REDIRECT,
            0,
            "too many redirects (more than " + MAX_REDIRECTS + ")",
            null,
            attempt);
      }
      if (hop > 0 && settings.respectRobots() && !robots.allowed(url)) {
        return new Failed(
            start,
            Kind.ROBOTS,
            0,
            "redirected to " + url + ", blocked by robots.txt",
            null,
            attempt);
      }
      Exchange ex = exchange(start, url, etag, lastModified, attempt);
      if (ex.outcome != null) {
        return ex.outcome;
      }
      HttpResponse<byte[]> r = ex.response;
      int status = r.statusCode();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        Optional<String> location = r.headers().firstValue("Location");
        if (location.isEmpty()) {
          return new Failed(
              start,
              Kind.REDIRECT,
              status,
              "HTTP " + status + " without a Location header",
              null,
              attempt);
        }
        URI next;
        try {
          next = url.resolve(location.get().trim().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
          return new Failed(
              start,
              Kind.REDIRECT,
              status,
              "redirect to an invalid URL '" + location.get() + "'",
              null,
              attempt);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          return new Failed(
              start,
              Kind.REDIRECT,
              status,
              "refused redirect to "
                  + scheme
                  + ": URL "
                  + next
                  + " (only http and https are followed)",
              null,
              attempt);
        }
        url = next;
        continue;
      }
      return complete(start, url, r, attempt);
    }
  }

  private FetchOutcome complete(URI start, URI url, HttpResponse<byte[]> r, int attempt) {
    int status = r.statusCode();
    HttpHeaders h = r.headers();
    if (status == 304) {
      return new FetchOutcome.NotModified(start, attempt);
    }
    if (status < 200 || status > 299) {
      Duration retryAfter = RetryAfter.parse(h.firstValue("Retry-After").orElse(null)).orElse(null);
      return new Failed(
          start, Kind.HTTP, status, FetchFailures.httpMessage(status), retryAfter, attempt);
    }
    byte[] body;
    try {
      body =
          Decoding.decode(
              r.body(), h.firstValue("Content-Encoding").orElse(""), settings.maxBytes());
    } catch (BodyTooLargeException e) {
      return failures.tooLarge(start, attempt);
    } catch (IOException e) {
      return new Failed(start, Kind.BAD_CONTENT, status, e.getMessage(), null, attempt);
    }
    return new FetchOutcome.Fetched(
        start,
        url,
        status,
        h.firstValue("Content-Type").orElse(""),
        body,
        h.firstValue("ETag").orElse(null),
        h.firstValue("Last-Modified").orElse(null),
        attempt);
  }

  /** One HTTP exchange: either a response with its capped raw body, or a failure outcome. */
  private record Exchange(HttpResponse<byte[]> response, FetchOutcome outcome) {}

  private Exchange exchange(URI start, URI url, String etag, String lastModified, int attempt)
      throws InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .timeout(settings.timeout())
            .header("User-Agent", userAgent)
            .header(
                "Accept",
                "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9,"
                    + " text/xml;q=0.9, application/json;q=0.9, text/html;q=0.8, */*;q=0.5")
            .header("Accept-Encoding", "gzip, deflate")
            .GET();
    if (etag != null) {
      b.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      b.header("If-Modified-Since", lastModified);
    }
    HttpRequest request;
    try {
      request = b.build();
    } catch (IllegalArgumentException e) {
      return new Exchange(
          null,
          new Failed(
              start, Kind.NETWORK, 0, "invalid URL " + url + ": " + e.getMessage(), null, attempt));
    }
    var future =
        client.sendAsync(request, info -> new CappedBodySubscriber(info, settings.maxBytes()));
    try {
      // The request timeout covers the wait for headers; this one bounds the whole exchange,
      // body included, against servers that trickle bytes forever.
      return new Exchange(
          future.get(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS), null);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Exchange(
          null,
          new Failed(
              start,
              Kind.TIMEOUT,
              0,
              "no complete answer within " + settings.timeout().toSeconds() + "s",
              null,
              attempt));
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      return new Exchange(null, failures.of(start, url, e.getCause(), attempt));
    }
  }

  @Override
  public void close() {
    // HttpClient gains close() only in Java 21; its threads are daemons and end with the JVM.
  }
}
