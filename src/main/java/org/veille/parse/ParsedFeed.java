package org.veille.parse;

import java.util.List;

/**
 * A parsed feed or page. {@code format} names what was recognised ({@code rss_2.0}, {@code
 * atom_1.0}, {@code html-page}, …); {@code recovered} says the lenient second pass was needed.
 */
public record ParsedFeed(String title, String format, boolean recovered, List<ParsedItem> items) {
  public ParsedFeed {
    items = List.copyOf(items);
  }
}
