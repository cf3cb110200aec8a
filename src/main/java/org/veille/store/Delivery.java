package org.veille.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the delivery ledger: the newsletter of {@code week} to {@code recipient}. {@code
 * error} and {@code messageId} may be null.
 */
public record Delivery(
    String week,
    String recipient,
    Status status,
    int attempts,
    String error,
    Instant at,
    String messageId) {

  public Optional<String> errorMessage() {
    return Optional.ofNullable(error);
  }

  /**
   * Where a delivery stands. SENDING is written just before the SMTP exchange: found later, it
   * means the process died during it, and the message is not sent again (at most once).
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
