package org.veille.mail;

import java.util.Objects;

/**
 * A rendered newsletter for one kind of reader: subject, plain text and HTML. {@code week} names
 * the period; it keys the ledger and the Message-ID.
 */
public record Letter(String week, String subject, String text, String html) {
  public Letter {
    Objects.requireNonNull(week);
    subject = subject.replaceAll("[\\r\\n]+", " ").strip();
  }
}
