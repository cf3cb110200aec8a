package org.veille.parse;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader collected of one entry, before it is cleaned: markup as the feed gave it (every
 * text field as HTML; plain text escaped), links with the base in effect where they appeared. Where
 * the feed repeats a field, the first usable value wins; a date is usable when it parses.
 */
final class RawEntry {
  /** A link candidate: its target, relation, media type and the base it is relative to. */
  record Link(String href, String rel, String type, URI base) {}

  /**
   * A piece of HTML and the base its relative links resolve against; {@code ambiguous} when the
   * element does not say whether it is a summary or the full text (RSS {@code summary}, {@code
   * content}).
   */
  record Html(String html, URI base, boolean ambiguous) {}

  final URI base;
  String title;
  final List<Link> links = new ArrayList<>();
  String id;
  URI idBase;
  boolean atomId;
  String permalink;
  URI permalinkBase;
  Instant published;
  Instant updated;
  Html summary;
  final List<Html> contents = new ArrayList<>();
  final List<String> authors = new ArrayList<>();
  final List<String> categories = new ArrayList<>();
  String lang;
  String about;
  String refusal;

  RawEntry(URI base) {
    this.base = base;
  }

  void title(String html) {
    if (title == null && html != null && !html.isBlank()) {
      title = html;
    }
  }

  void id(String value, URI base, boolean atom) {
    if (id == null && value != null && !value.isBlank()) {
      id = value.strip();
      idBase = base;
      atomId = atom;
    }
  }

  void published(String text) {
    if (published == null) {
      published = FeedDates.parse(text);
    }
  }

  void updated(String text) {
    if (updated == null) {
      updated = FeedDates.parse(text);
    }
  }

  void summary(String html, URI base) {
    if (summary == null && html != null && !html.isBlank()) {
      summary = new Html(html, base, false);
    }
  }

  void content(String html, URI base) {
    content(html, base, false);
  }

  void content(String html, URI base, boolean ambiguous) {
    if (html != null && !html.isBlank()) {
      contents.add(new Html(html, base, ambiguous));
    }
  }

  void author(String raw) {
    String name = Authors.name(raw);
    if (name != null && !authors.contains(name)) {
      authors.add(name);
    }
  }

  void category(String raw) {
    if (raw != null && !raw.isBlank()) {
      categories.add(raw);
    }
  }
}
