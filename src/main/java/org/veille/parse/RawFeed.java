package org.veille.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader collected of a whole feed: its own title, link and language, the authors its
 * entries inherit (Atom and JSON Feed), its complete entries in order, and notes on what was
 * repaired or left out.
 */
final class RawFeed {
  final String format;
  String title;
  String link;
  URI linkBase;
  String language;
  final List<String> authors = new ArrayList<>();
  final List<RawEntry> entries = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  RawFeed(String format) {
    this.format = format;
  }

  void title(String html) {
    if (title == null && html != null && !html.isBlank()) {
      title = html;
    }
  }

  void link(String href, URI base) {
    if (link == null && href != null && !href.isBlank()) {
      link = href.strip();
      linkBase = base;
    }
  }

  void language(String code) {
    if (language == null && code != null && !code.isBlank()) {
      language = code.strip();
    }
  }

  void note(String note) {
    if (notes.size() < 20) {
      notes.add(note);
    }
  }
}
