package org.veille.mail;

import java.util.List;

/**
 * What a {@code send} did: one line per recipient of this run. A run is complete when nobody is
 * left owed or failed by it.
 */
public record SendReport(String week, List<Line> lines) {
  public SendReport {
    lines = List.copyOf(lines);
  }

  public long count(Outcome o) {
    return lines.stream().filter(l -> l.outcome() == o).count();
  }

  /**
   * True when this run left someone unserved (still owed, or refused for good), or someone whose
   * delivery is unknown.
   */
  public boolean incomplete() {
    return lines.stream()
        .anyMatch(
            l ->
                l.outcome() == Outcome.PENDING
                    || l.outcome() == Outcome.FAILED
                    || l.outcome() == Outcome.UNKNOWN);
  }

  /** The recipients whose delivery is unknown: a send died during their SMTP exchange. */
  public List<String> unknown() {
    return lines.stream().filter(l -> l.outcome() == Outcome.UNKNOWN).map(Line::recipient).toList();
  }

  /** One recipient's outcome in this run; {@code error} is null unless it went wrong. */
  public record Line(String recipient, Outcome outcome, String error) {}

  /** What happened to a recipient in this run. */
  public enum Outcome {
    SENT,
    ALREADY_SENT,
    ALREADY_FAILED,
    /**
     * A previous send died between recording the attempt and the end of the SMTP exchange: the
     * recipient may or may not have the letter. Not sent again unless asked ({@code
     * --resend-unknown}).
     */
    UNKNOWN,
    PENDING,
    FAILED,
    WRITTEN;

    public String label() {
      return this == UNKNOWN
          ? "delivery unknown"
          : name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }
}
