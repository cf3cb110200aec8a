package org.veille.parse;

import java.util.Objects;

/**
 * CSS selectors for a page: {@code item} selects each item; the others, evaluated inside an item,
 * may be null for the defaults (first heading, first link, a {@code time} element, first
 * paragraph).
 */
public record PageRules(String item, String title, String link, String date, String summary) {
  public PageRules {
    Objects.requireNonNull(item, "item");
  }
}
