package org.veille.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One source's fetch in a run, from the moment it was read to the moment it was stored and
 * reported: how it ended ({@link Outcome}), what went over the wire ({@link Transfer}), what was
 * recognised ({@link Feed}, when OK), what went wrong ({@link Problem}, when FAILED or SKIPPED),
 * the back-off that follows, and the items found (empty unless OK). {@link Store#saveFetch} writes
 * it in one transaction. Build it with the named factories.
 */
public record FetchRecord(
    String sourceId,
    Instant at,
    Outcome outcome,
    Transfer transfer,
    Feed feed,
    Problem problem,
    int consecutiveFailures,
    Instant nextAttemptAt,
    List<EnrichedItem> items) {

  public FetchRecord {
    items = List.copyOf(items);
  }

  /**
   * How a source's fetch ended. SKIPPED sources were not fetched (backed off) and are not saved.
   */
  public enum Outcome {
    OK,
    NOT_MODIFIED,
    FAILED,
    SKIPPED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What went over the wire: the final HTTP status (0 when none), time taken, body size, the
   * validators for the next conditional GET and the feed an HTML page pointed to (nullable).
   */
  public record Transfer(
      int httpStatus,
      long durationMs,
      long bytes,
      String etag,
      String lastModified,
      String discoveredFeedUrl) {
    public static final Transfer NONE = new Transfer(0, 0, 0, null, null, null);

    public Transfer withDuration(long ms) {
      return new Transfer(httpStatus, ms, bytes, etag, lastModified, discoveredFeedUrl);
    }
  }

  /**
   * What was recognised: the feed's own title, site link and language (each nullable), the format
   * parsed ({@code rss_2.0}, {@code atom_1.0}, {@code json_1.1}, {@code html-page}…), whether the
   * lenient second pass was needed, whether the document was cut short (only the entries before the
   * cut were read), and the parser's notes on what it repaired or left out.
   */
  public record Feed(
      String title,
      String format,
      boolean recovered,
      String link,
      String language,
      boolean truncated,
      List<String> notes) {
    public Feed {
      notes = List.copyOf(notes);
    }

    /** A feed with nothing to say beyond its title and format. */
    public Feed(String title, String format, boolean recovered) {
      this(title, format, recovered, null, null, false, List.of());
    }
  }

  /**
   * What went wrong: the message for the user, whether a page's selector found nothing, and how
   * long the server asked us to wait (nullable).
   */
  public record Problem(String message, boolean brokenSelector, Duration retryAfter) {
    public static Problem of(String message) {
      return new Problem(message, false, null);
    }
  }

  /** A source read and parsed; {@code items} are its entries. */
  public static FetchRecord ok(
      String sourceId, Instant at, Transfer transfer, Feed feed, List<EnrichedItem> items) {
    return new FetchRecord(sourceId, at, Outcome.OK, transfer, feed, null, 0, null, items);
  }

  /** A source whose server answered 304 to the conditional GET. */
  public static FetchRecord notModified(String sourceId, Instant at, Transfer transfer) {
    return new FetchRecord(
        sourceId, at, Outcome.NOT_MODIFIED, transfer, null, null, 0, null, List.of());
  }

  /** A source that failed; the back-off is added by {@link #withBackoff}. */
  public static FetchRecord failed(
      String sourceId, Instant at, Transfer transfer, Problem problem) {
    return new FetchRecord(
        sourceId, at, Outcome.FAILED, transfer, null, problem, 0, null, List.of());
  }

  /** A source left alone in this run because it is backed off. */
  public static FetchRecord skipped(
      String sourceId, Instant at, String reason, int failures, Instant nextAttemptAt) {
    return new FetchRecord(
        sourceId,
        at,
        Outcome.SKIPPED,
        Transfer.NONE,
        null,
        Problem.of(reason),
        failures,
        nextAttemptAt,
        List.of());
  }

  public FetchRecord withItems(List<EnrichedItem> newItems) {
    return new FetchRecord(
        sourceId,
        at,
        outcome,
        transfer,
        feed,
        problem,
        consecutiveFailures,
        nextAttemptAt,
        newItems);
  }

  public FetchRecord withTransfer(Transfer t) {
    return new FetchRecord(
        sourceId, at, outcome, t, feed, problem, consecutiveFailures, nextAttemptAt, items);
  }

  public FetchRecord withBackoff(int failures, Instant next) {
    return new FetchRecord(sourceId, at, outcome, transfer, feed, problem, failures, next, items);
  }

  /** The same record without its items, to report on after they are stored. */
  public FetchRecord withoutItems() {
    return items.isEmpty() ? this : withItems(List.of());
  }

  public Optional<Feed> feedInfo() {
    return Optional.ofNullable(feed);
  }

  /** The problem's message, or null when there was none. */
  public String error() {
    return problem == null ? null : problem.message();
  }

  public boolean brokenSelector() {
    return problem != null && problem.brokenSelector();
  }

  /** The parsed format, or null when nothing was parsed. */
  public String format() {
    return feed == null ? null : feed.format();
  }
}
