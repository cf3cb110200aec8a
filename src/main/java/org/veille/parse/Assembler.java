package org.veille.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what a reader collected into clean records: plain-text titles and summaries, sanitized
 * content, absolute canonical links (the alternate link first, resolved against the base where it
 * appeared), ids, the person's name for authors, and double-encoded UTF-8 repaired where a whole
 * field is double-encoded. What it repairs or leaves out is added to the feed's notes.
 */
final class Assembler {
  private static final int SUMMARY_FROM_CONTENT = 600;

  private final RawFeed raw;
  private final String sourceLang;
  private final boolean inheritAuthors;
  private final List<String> notes;
  private final Text.Fragments fragments = new Text.Fragments();
  private int index;

  private Assembler(RawFeed raw, String sourceLang) {
    this.raw = raw;
    this.sourceLang = sourceLang;
    this.inheritAuthors = raw.format.startsWith("atom") || raw.format.startsWith("json");
    this.notes = new ArrayList<>(raw.notes);
  }

  static ParsedFeed assemble(
      RawFeed raw, String sourceLang, boolean recovered, boolean truncated, List<String> more) {
    Assembler a = new Assembler(raw, sourceLang);
    a.notes.addAll(more);
    String feedLang = raw.language;
    List<ParsedItem> items = new ArrayList<>(raw.entries.size());
    for (RawEntry e : raw.entries) {
      a.index++;
      items.add(a.item(e, feedLang));
    }
    URI link = raw.link == null ? null : CanonicalUrl.of(amp(raw.link), raw.linkBase).orElse(null);
    return new ParsedFeed(
        a.text(raw.title, "the feed's title"),
        raw.format,
        recovered,
        items,
        link,
        Languages.normalize(raw.language),
        truncated,
        a.notes);
  }

  private ParsedItem item(RawEntry e, String feedLang) {
    String title = text(e.title, "title");
    RawEntry.Html desc = e.summary;
    RawEntry.Html content = e.contents.isEmpty() ? null : e.contents.get(0);
    String descText = desc == null ? "" : text(desc.html(), "summary");
    String contentText = content == null ? "" : text(content.html(), "content");
    if (desc != null
        && content != null
        && content.ambiguous()
        && descText.length() > contentText.length()) {
      // an RSS item with a description and a summary or content: the short one is the summary
      RawEntry.Html h = desc;
      desc = content;
      content = h;
      String t = descText;
      descText = contentText;
      contentText = t;
    }
    String summary = desc != null ? descText : Text.shorten(contentText, SUMMARY_FROM_CONTENT);
    RawEntry.Html body = content != null ? content : desc;
    String html =
        body == null
            ? ""
            : fragments.sanitized(
                Mojibake.repair(body.html()).text(),
                body.base() == null ? "" : body.base().toString());
    return new ParsedItem(
        id(e),
        url(e, title),
        title,
        summary,
        content == null ? "" : contentText,
        html,
        author(e),
        e.published != null ? e.published : e.updated,
        e.updated,
        categories(e),
        Languages.choose(e.lang, feedLang, sourceLang, title + " " + summary));
  }

  /** Plain text of a field, double-encoding repaired when the whole field is double-encoded. */
  private String text(String html, String what) {
    String plain = fragments.plain(html);
    Mojibake.Result r = Mojibake.repair(plain);
    if (r.mixed()) {
      notes.add(
          where()
              + what
              + " mixes double-encoded UTF-8 with plain accents («"
              + Text.shorten(plain, 40)
              + "»); left as it is");
    }
    return r.text();
  }

  private String where() {
    return index == 0 ? "" : "entry " + index + ": ";
  }

  private static String id(RawEntry e) {
    String id = e.id != null ? Text.safe(e.id) : e.about;
    if (id == null || id.isBlank()) {
      return null;
    }
    if (e.atomId && !hasScheme(id) && e.idBase != null) {
      try {
        return e.idBase.resolve(new URI(id.replace(" ", "%20"))).toString();
      } catch (java.net.URISyntaxException | IllegalArgumentException ex) {
        return id;
      }
    }
    return id;
  }

  private static boolean hasScheme(String id) {
    int colon = id.indexOf(':');
    return colon > 0 && id.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
  }

  private URI url(RawEntry e, String title) {
    RawEntry.Link chosen = null;
    for (RawEntry.Link l : e.links) {
      if (!l.rel().equalsIgnoreCase("alternate") || l.href() == null || l.href().isBlank()) {
        continue;
      }
      if (chosen == null || isHtml(l.type()) && !isHtml(chosen.type())) {
        chosen = l;
      }
    }
    if (chosen != null) {
      URI u = CanonicalUrl.of(amp(chosen.href()), chosen.base()).orElse(null);
      if (u != null) {
        return u;
      }
    }
    if (e.permalink != null) {
      String p = e.permalink.toLowerCase(Locale.ROOT);
      if (p.startsWith("http://") || p.startsWith("https://")) {
        return CanonicalUrl.of(amp(e.permalink), e.permalinkBase).orElse(null);
      }
    }
    if (!e.links.isEmpty() && chosen == null) {
      notes.add(
          where()
              + "«"
              + Text.shorten(title, 60)
              + "» has "
              + e.links.size()
              + (e.links.size() == 1 ? " link" : " links")
              + " and none is rel=\"alternate\"; kept without a link");
    }
    return null;
  }

  private static boolean isHtml(String type) {
    return type == null || type.contains("html");
  }

  /** An address with its ampersands unescaped once more (feeds that escape them twice). */
  private static String amp(String href) {
    String h = Text.safe(href).strip();
    if (h.indexOf('&') < 0) {
      return h;
    }
    return h.replace("&amp;", "&").replace("&#38;", "&").replace("&#038;", "&");
  }

  private String author(RawEntry e) {
    List<String> names = e.authors.isEmpty() && inheritAuthors ? raw.authors : e.authors;
    Set<String> out = new LinkedHashSet<>();
    for (String n : names) {
      String clean = text(Text.escape(n), "author");
      if (!clean.isEmpty()) {
        out.add(clean);
      }
    }
    return out.isEmpty() ? null : String.join(", ", out);
  }

  private List<String> categories(RawEntry e) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : e.categories) {
      String name = text(c, "category");
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }
}
