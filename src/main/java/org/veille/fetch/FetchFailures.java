package org.veille.fetch;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.veille.config.Settings;
import org.veille.fetch.FetchOutcome.Failed;
import org.veille.fetch.FetchOutcome.Kind;

/**
 * The {@link Failed} outcomes of a {@link Fetcher}, each with a message a user can act on ("unknown
 * host … (no DNS answer; offline?)", "HTTP 410 (gone): … consider disabling it"). No I/O.
 */
final class FetchFailures {
  private final Settings.Fetch settings;

  FetchFailures(Settings.Fetch settings) {
    this.settings = settings;
  }

  /**
   * The failure of attempt {@code attempt} to fetch {@code url} (reached from {@code start}), by
   * its {@code cause}: a timeout, an unknown host, a refused connection, a TLS error or another
   * network error, each named with the host.
   */
  Failed of(URI start, URI url, Throwable cause, int attempt) {
    if (cause instanceof BodyTooLargeException) {
      return tooLarge(start, attempt);
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new Failed(
          start, Kind.NETWORK, 0, "connection to " + url.getHost() + " timed out", null, attempt);
    }
    if (cause instanceof HttpTimeoutException) {
      return new Failed(
          start,
          Kind.TIMEOUT,
          0,
          "no answer within " + settings.timeout().toSeconds() + "s",
          null,
          attempt);
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof java.nio.channels.UnresolvedAddressException
          || t instanceof java.net.UnknownHostException) {
        return new Failed(
            start,
            Kind.UNKNOWN_HOST,
            0,
            "unknown host " + url.getHost() + " (no DNS answer; offline?)",
            null,
            attempt);
      }
    }
    if (cause instanceof ConnectException) {
      return new Failed(
          start,
          Kind.NETWORK,
          0,
          "cannot connect to "
              + url.getHost()
              + (cause.getMessage() == null ? " (connection refused)" : ": " + cause.getMessage()),
          null,
          attempt);
    }
    if (cause instanceof javax.net.ssl.SSLException) {
      return new Failed(
          start,
          Kind.NETWORK,
          0,
          "TLS error with " + url.getHost() + describe(cause),
          null,
          attempt);
    }
    return new Failed(
        start,
        Kind.NETWORK,
        0,
        "connection to " + url.getHost() + " failed" + describe(cause),
        null,
        attempt);
  }

  private static String describe(Throwable t) {
    String m = t == null ? null : t.getMessage();
    return m == null || m.isBlank()
        ? " (" + (t == null ? "unknown" : t.getClass().getSimpleName()) + ")"
        : ": " + m;
  }

  /** The body passed {@code max_bytes}: said with the setting to raise. */
  Failed tooLarge(URI start, int attempt) {
    return new Failed(
        start,
        Kind.TOO_LARGE,
        0,
        "response larger than max_bytes ("
            + settings.maxBytes() / 1024
            + " KB); raise settings.fetch.max_bytes if this source is legitimate",
        null,
        attempt);
  }

  /** What an HTTP error status means for a source. */
  static String httpMessage(int status) {
    return switch (status) {
      case 401, 403 -> "HTTP " + status + " (access refused)";
      case 404 -> "HTTP 404 (not found): check the URL";
      case 410 -> "HTTP 410 (gone): the source was removed; consider disabling it";
      case 429 -> "HTTP 429 (too many requests)";
      default -> "HTTP " + status;
    };
  }
}
