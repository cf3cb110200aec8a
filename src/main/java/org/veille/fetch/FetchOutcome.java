package org.veille.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** What came of fetching one URL, after redirects and retries. */
public sealed interface FetchOutcome {

  /** The URL that was asked for. */
  URI requested();

  /** How many HTTP exchanges were tried (retries count, redirects do not). */
  int attempts();

  /** A 2xx response; {@code body} is decompressed and within the size cap. */
  record Fetched(
      URI requested,
      URI finalUrl,
      int status,
      String contentType,
      byte[] body,
      String etag,
      String lastModified,
      int attempts)
      implements FetchOutcome {

    public Optional<String> etagValue() {
      return Optional.ofNullable(etag);
    }

    public Optional<String> lastModifiedValue() {
      return Optional.ofNullable(lastModified);
    }
  }

  /** A 304: the validators we sent still hold. */
  record NotModified(URI requested, int attempts) implements FetchOutcome {}

  /**
   * A failure. {@code status} is the last HTTP status, or 0 when none came back; {@code retryAfter}
   * is the wait the server asked for, when it did.
   */
  record Failed(
      URI requested, Kind kind, int status, String message, Duration retryAfter, int attempts)
      implements FetchOutcome {

    public Optional<Duration> retryAfterValue() {
      return Optional.ofNullable(retryAfter);
    }
  }

  /** Why a fetch failed, coarse enough for health decisions. */
  enum Kind {
    /** Refused or reset connection, TLS failure: retried. */
    NETWORK,
    /** The host name does not resolve: not retried within a run. */
    UNKNOWN_HOST,
    /** No answer within the configured timeout. */
    TIMEOUT,
    /** The server answered with an error status. */
    HTTP,
    /** Redirect loop, too many redirects, or a redirect to a scheme other than http(s). */
    REDIRECT,
    /** The body was larger than {@code max_bytes}. */
    TOO_LARGE,
    /** The body could not be decoded (bad gzip, for instance). */
    BAD_CONTENT,
    /** robots.txt forbids the URL for our user agent. */
    ROBOTS
  }
}
