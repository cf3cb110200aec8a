package org.veille.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One source of {@code feeds.yaml}. {@code name} and {@code lang} are optional: the feed's own
 * title and the detected language fill in for them. {@code select} is present exactly when {@code
 * type} is {@link SourceType#PAGE}.
 */
public record SourceConfig(
    String id,
    String name,
    URI url,
    SourceType type,
    String lang,
    List<String> tags,
    boolean enabled,
    double weight,
    PageSelectors select,
    int line) {

  public SourceConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(type, "type");
    tags = List.copyOf(tags);
    if (type == SourceType.PAGE) {
      Objects.requireNonNull(select, "select");
    }
  }

  public Optional<String> displayName() {
    return Optional.ofNullable(name);
  }

  public Optional<String> language() {
    return Optional.ofNullable(lang);
  }

  public Optional<PageSelectors> selectors() {
    return Optional.ofNullable(select);
  }

  /** The kind of a source: a syndication feed or a web page scraped with selectors. */
  public enum SourceType {
    FEED,
    PAGE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
