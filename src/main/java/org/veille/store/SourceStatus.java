package org.veille.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A source as {@code sources list} shows it. {@code lastFetchAt}, {@code lastStatus}, {@code
 * lastError} and {@code nextAttemptAt} are null until the source was fetched or backed off.
 */
public record SourceStatus(
    String id,
    String name,
    String type,
    String url,
    Instant lastFetchAt,
    String lastStatus,
    String lastError,
    long items,
    int consecutiveFailures,
    Instant nextAttemptAt,
    boolean brokenSelector,
    FeedInfo feed,
    Articles articles) {

  public SourceStatus {
    articles = articles == null ? Articles.NONE : articles;
  }

  /** A source's status without its article fetches. */
  public SourceStatus(
      String id,
      String name,
      String type,
      String url,
      Instant lastFetchAt,
      String lastStatus,
      String lastError,
      long items,
      int consecutiveFailures,
      Instant nextAttemptAt,
      boolean brokenSelector,
      FeedInfo feed) {
    this(
        id,
        name,
        type,
        url,
        lastFetchAt,
        lastStatus,
        lastError,
        items,
        consecutiveFailures,
        nextAttemptAt,
        brokenSelector,
        feed,
        Articles.NONE);
  }

  /**
   * The full text of the source's teasers, apart from the health of its feed: how many items hold
   * their article's text, how many failed to (and the last reason, nullable).
   */
  public record Articles(long fetched, long failed, String lastFailure) {
    public static final Articles NONE = new Articles(0, 0, null);
  }

  /**
   * What the feed said of itself at its last successful parse: its title, site link and language
   * (each nullable), whether it was cut short, and the parser's notes (possibly empty).
   */
  public record FeedInfo(
      String title, String link, String language, boolean truncated, List<String> notes) {
    public static final FeedInfo NONE = new FeedInfo(null, null, null, false, List.of());

    public FeedInfo {
      notes = List.copyOf(notes);
    }
  }

  /** A source's status without anything known of its feed. */
  public SourceStatus(
      String id,
      String name,
      String type,
      String url,
      Instant lastFetchAt,
      String lastStatus,
      String lastError,
      long items,
      int consecutiveFailures,
      Instant nextAttemptAt,
      boolean brokenSelector) {
    this(
        id,
        name,
        type,
        url,
        lastFetchAt,
        lastStatus,
        lastError,
        items,
        consecutiveFailures,
        nextAttemptAt,
        brokenSelector,
        FeedInfo.NONE);
  }

  /** Failing runs in a row after which a source is shown unhealthy. */
  public static final int UNHEALTHY_AFTER = 3;

  /** Unhealthy: failing {@value #UNHEALTHY_AFTER} runs in a row, or its selector found nothing. */
  public boolean healthy() {
    return consecutiveFailures < UNHEALTHY_AFTER && !brokenSelector;
  }

  public Optional<Instant> lastFetch() {
    return Optional.ofNullable(lastFetchAt);
  }

  public Optional<Instant> nextAttempt() {
    return Optional.ofNullable(nextAttemptAt);
  }
}
