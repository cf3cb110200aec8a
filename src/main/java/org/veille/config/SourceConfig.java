package org.veille.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One source of {@code feeds.yaml}. {@code name} and {@code lang} are optional: the feed's own
 * title and the detected language fill in for them. {@code select} is present exactly when {@code
 * type} is {@link SourceType#PAGE}. {@code fulltext} says when an item's article page is fetched
 * for its text; {@code contentSelector} (nullable, {@code select.content}) is the CSS selector of
 * that text on the article page, in place of the automatic extraction. {@code kind} is null, or
 * {@code calls} for a source whose every item is a call for projects (a funding portal).
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
    int line,
    FullTextMode fulltext,
    String contentSelector,
    String kind) {

  public SourceConfig {
    fulltext = fulltext == null ? FullTextMode.AUTO : fulltext;
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(type, "type");
    tags = List.copyOf(tags);
    if (type == SourceType.PAGE) {
      Objects.requireNonNull(select, "select");
    }
  }

  /** The value of {@code kind} for a source of calls for projects. */
  public static final String CALLS = "calls";

  /**
   * A source of no particular kind whose article pages are fetched when its items look like
   * teasers.
   */
  public SourceConfig(
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
    this(
        id,
        name,
        url,
        type,
        lang,
        tags,
        enabled,
        weight,
        select,
        line,
        FullTextMode.AUTO,
        null,
        null);
  }

  public Optional<String> contentSelection() {
    return Optional.ofNullable(contentSelector);
  }

  /** True for a source marked {@code kind: calls}: every item it gives is a call for projects. */
  public boolean givesCalls() {
    return CALLS.equals(kind);
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

  /**
   * When the article page of an item is fetched: {@code AUTO} when the item looks like a teaser,
   * {@code ALWAYS} for every new item, {@code NEVER}.
   */
  public enum FullTextMode {
    AUTO,
    ALWAYS,
    NEVER;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
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
