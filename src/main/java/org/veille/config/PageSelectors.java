package org.veille.config;

import java.util.Objects;
import java.util.Optional;

/**
 * CSS selectors that turn a web page into items. {@code item} selects each item's element; the
 * others are evaluated inside it and may be absent, in which case a sensible default applies (the
 * item's first link, its first heading, a {@code time} element).
 */
public record PageSelectors(String item, String title, String link, String date, String summary) {
  public PageSelectors {
    Objects.requireNonNull(item, "item");
  }

  public Optional<String> titleSelector() {
    return Optional.ofNullable(title);
  }

  public Optional<String> linkSelector() {
    return Optional.ofNullable(link);
  }

  public Optional<String> dateSelector() {
    return Optional.ofNullable(date);
  }

  public Optional<String> summarySelector() {
    return Optional.ofNullable(summary);
  }
}
