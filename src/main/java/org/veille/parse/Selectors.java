package org.veille.parse;

import java.util.Optional;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/** The page parser's judgement of a CSS selector, for the config loader. */
public final class Selectors {
  private Selectors() {}

  /** What is wrong with {@code css} as a selector, or empty when jsoup can use it. */
  public static Optional<String> problem(String css) {
    try {
      QueryParser.parse(css);
      return Optional.empty();
    } catch (IllegalArgumentException | Selector.SelectorParseException e) {
      return Optional.of("bad CSS selector '" + css + "': " + e.getMessage());
    }
  }
}
