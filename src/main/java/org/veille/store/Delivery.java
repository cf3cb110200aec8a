package org.veille.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the delivery ledger: the newsletter {@code audience} of {@code week} to {@code
 * recipient}. {@code error} and {@code messageId} may be null; {@code letterVersion} is 0 when
 * unknown (rows written before the archive).
 */
public record Delivery(
    String audience,
    String week,
    String recipient,
    Status status,
    int attempts,
    String error,
    Instant at,
    String messageId,
    int letterVersion) {

  /** A line of the audience {@code main}, for the letter version not known. */
  public Delivery(
      String week,
      String recipient,
      Status status,
      int attempts,
      String error,
      Instant at,
      String messageId) {
    this("main", week, recipient, status, attempts, error, at, messageId, 0);
  }

  public Optional<String> errorMessage() {
    return Optional.ofNullable(error);
  }

  /**
   * Where a delivery stands. SENDING is written just before the SMTP exchange: found later, it
   * means the process died during it, and the message is not sent again (at most once) unless the
   * editor asks: its delivery is unknown.
   */
  public enum Status {
    SENDING,
    SENT,
    PENDING,
    FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the recipient is still owed the newsletter. */
    public boolean owed() {
      return this == PENDING;
    }
  }
}
