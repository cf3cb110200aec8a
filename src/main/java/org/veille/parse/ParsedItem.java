package org.veille.parse;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a feed or page. {@code url} is canonical and absolute, or null when the entry has no
 * usable link; {@code guid}, {@code published}, {@code updated} and {@code author} may be null.
 * Text fields are plain text, never null; {@code contentHtml} is sanitized HTML, possibly empty.
 */
public record ParsedItem(
    String guid,
    URI url,
    String title,
    String summary,
    String contentText,
    String contentHtml,
    String author,
    Instant published,
    Instant updated,
    List<String> categories,
    String lang) {

  public ParsedItem {
    categories = List.copyOf(categories);
  }

  public Optional<URI> link() {
    return Optional.ofNullable(url);
  }
}
