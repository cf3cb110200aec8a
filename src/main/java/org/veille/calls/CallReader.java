package org.veille.calls;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Reads an item as a call for projects: {@link CallDetector}, then {@link DeadlineRules}. */
public final class CallReader {
  private CallReader() {}

  /**
   * The call an item is, or {@link Call#NONE}. {@code published} is the item's date (dates without
   * a year are read from it); {@code callSource}: the item's source is marked {@code kind: calls}.
   */
  public static Call read(String title, String text, Instant published, boolean callSource) {
    Optional<String> kind = CallDetector.detect(title, text, callSource);
    if (kind.isEmpty()) {
      return Call.NONE;
    }
    LocalDate day =
        LocalDate.ofInstant(published == null ? Instant.now() : published, Call.DEFAULT_ZONE);
    return DeadlineRules.read(kind.get(), title, text, day);
  }
}
