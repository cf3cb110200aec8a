package org.veille.store;

import java.time.Instant;
import java.util.List;

/**
 * A letter as it went out (or was approved): one version of an audience's week, with its rendered
 * formats and its items in reading order. {@code status} is {@code approved} or {@code sent};
 * {@code edito} and {@code sentAt} may be null.
 */
public record ArchivedLetter(
    String audience,
    String week,
    int version,
    String status,
    String subject,
    String edito,
    String html,
    String text,
    String md,
    String json,
    Instant createdAt,
    Instant sentAt,
    List<Item> items) {

  public ArchivedLetter {
    items = List.copyOf(items);
  }

  /** {@code audience/week}, as {@code sent_in} names a letter. */
  public String key() {
    return audience + "/" + week;
  }

  /**
   * An item as the letter showed it: {@code section} is {@code headlines} for "À la une", a topic
   * id, or null for the last section; {@code overridden} when the editor changed its title or
   * summary.
   */
  public record Item(
      int position,
      String itemId,
      String section,
      String title,
      String summary,
      String url,
      boolean overridden) {}
}
