package org.veille.parse;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A parsed feed or page. {@code format} names what was recognised ({@code rss_2.0}, {@code
 * atom_1.0}, {@code json_1.1}, {@code html-page}, …); {@code recovered} says the lenient second
 * pass was needed; {@code link} (nullable) is the site the feed belongs to, {@code language}
 * (nullable) its declared language as a two-letter code; {@code truncated} says the document broke
 * off and only the entries complete before the cut are here; {@code notes} say, in words a user can
 * act on, what was repaired or left out.
 */
public record ParsedFeed(
    String title,
    String format,
    boolean recovered,
    List<ParsedItem> items,
    URI link,
    String language,
    boolean truncated,
    List<String> notes) {
  public ParsedFeed {
    items = List.copyOf(items);
    notes = List.copyOf(notes);
  }

  /** A feed or page with nothing more to say than its title and items. */
  public ParsedFeed(String title, String format, boolean recovered, List<ParsedItem> items) {
    this(title, format, recovered, items, null, null, false, List.of());
  }

  public Optional<URI> siteLink() {
    return Optional.ofNullable(link);
  }

  public Optional<String> declaredLanguage() {
    return Optional.ofNullable(language);
  }
}
