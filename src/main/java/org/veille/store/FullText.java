package org.veille.store;

import java.util.Objects;

/**
 * What the full-text step decided and did for one item in a run: {@code status} and the {@code
 * reason} shown to the user ("teaser: summary ends with […]", "failed: HTTP 403"), the number of
 * article fetches tried so far, and, when {@link Status#FETCHED}, the article's plain {@code text}
 * and sanitized {@code html} (empty otherwise), which take the place of the feed's content, with
 * the page's validators ({@code etag}, {@code lastModified}; null when the server gave none), sent
 * back on a later fetch of the same page.
 */
public record FullText(
    Status status,
    String reason,
    int attempts,
    String text,
    String html,
    String etag,
    String lastModified) {
  public FullText {
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
    text = text == null ? "" : text;
    html = html == null ? "" : html;
  }

  /** The item's text is the feed's: no article was needed, wanted or allowed. */
  public static FullText notFetched(Status status, String reason) {
    return new FullText(status, reason, 0, "", "", null, null);
  }

  /** The article was fetched and its text extracted; the page gave no validators. */
  public static FullText fetched(String reason, int attempts, String text, String html) {
    return fetched(reason, attempts, text, html, null, null);
  }

  /** The article was fetched and its text extracted; the page's validators for the next fetch. */
  public static FullText fetched(
      String reason, int attempts, String text, String html, String etag, String lastModified) {
    return new FullText(Status.FETCHED, reason, attempts, text, html, etag, lastModified);
  }

  /** The article fetch or extraction failed ({@code reason} starts with "failed: "). */
  public static FullText failed(String reason, int attempts) {
    return new FullText(Status.FAILED, reason, attempts, "", "", null, null);
  }

  /** {@code feed} or {@code article}: where the item's stored content comes from. */
  public String contentSource() {
    return status == Status.FETCHED ? "article" : "feed";
  }

  /** The line shown by {@code show}: the status and why. */
  public String line() {
    return status.label() + (reason.isEmpty() ? "" : ": " + reason);
  }

  /** The stored states of the full-text step, by their column value. */
  public enum Status {
    /** Not a teaser: the feed gives the text. */
    NOT_NEEDED,
    /** {@code fulltext: never} for the source. */
    OFF,
    /** A teaser left for a later run: this run's article fetches for the source were used up. */
    DEFERRED,
    /** The article's text replaced the feed's content. */
    FETCHED,
    /** The fetch or the extraction failed; retried once in a later run. */
    FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    static Status of(String column) {
      return column == null ? null : valueOf(column.toUpperCase(java.util.Locale.ROOT));
    }

    String column() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
