package org.veille.parse;

import javax.xml.stream.XMLStreamException;
import org.veille.parse.Captured.Kind;

/**
 * Which elements feed which field, for entries and for the feed itself: RSS, Atom 1.0 and 0.3,
 * Dublin Core and dcterms, {@code content:encoded}, {@code xhtml:body}. Each reader consumes its
 * element whole and returns true, or returns false for an element that is no field.
 */
final class Fields {
  private Fields() {}

  static boolean entry(XmlFeedReader x, String ns, String name) throws XMLStreamException {
    RawEntry e = x.entry();
    if (x.isAtom(ns)) {
      return atomEntry(x, e, name);
    }
    if (XmlFeedReader.isDc(ns)) {
      switch (name) {
        case "title" -> e.title(x.capture().text());
        case "description" -> e.summary(x.capture().html(Kind.HTML), x.base());
        case "creator", "author" -> e.author(x.capture().text());
        case "date" -> e.published(x.capture().text());
        case "subject" -> e.category(x.capture().text());
        case "language" -> e.lang = first(e.lang, x.capture().text());
        case "identifier" -> e.id(x.capture().text(), x.base(), false);
        default -> {
          return false;
        }
      }
      return true;
    }
    if (XmlFeedReader.isDcterms(ns)) {
      switch (name) {
        case "issued", "created", "available", "date" -> e.published(x.capture().text());
        case "modified" -> e.updated(x.capture().text());
        default -> {
          return false;
        }
      }
      return true;
    }
    if (XmlFeedReader.isContent(ns)) {
      if (!name.equals("encoded")) {
        return false;
      }
      e.content(x.capture().html(Kind.HTML), x.base());
      return true;
    }
    if (XmlFeedReader.isXhtml(ns)) {
      if (!name.equals("body") && !name.equals("div")) {
        return false;
      }
      e.content(x.capture().html(Kind.XHTML), x.base());
      return true;
    }
    return isRss(ns) && rssEntry(x, e, name);
  }

  private static boolean isRss(String ns) {
    return ns.isEmpty()
        || ns.equals("http://purl.org/rss/1.0/")
        || ns.startsWith("http://my.netscape.com/rdf/simple/")
        || ns.startsWith("http://backend.userland.com/");
  }

  private static boolean rssEntry(XmlFeedReader x, RawEntry e, String name)
      throws XMLStreamException {
    switch (name) {
      case "title" -> e.title(x.capture().html(Kind.HTML));
      case "link" -> {
        java.net.URI base = x.base();
        e.links.add(new RawEntry.Link(x.capture().text(), "alternate", null, base));
      }
      case "description" -> e.summary(x.capture().html(Kind.HTML), x.base());
      case "summary", "content" -> e.content(x.capture().html(Kind.HTML), x.base(), true);
      case "fullitem" -> e.content(x.capture().html(Kind.HTML), x.base());
      case "guid" -> {
        String permalink = x.attr("isPermaLink");
        java.net.URI base = x.base();
        String value = x.capture().text();
        e.id(value, base, false);
        if ((permalink == null || permalink.strip().equalsIgnoreCase("true"))
            && e.permalink == null) {
          e.permalink = value.strip();
          e.permalinkBase = base;
        }
      }
      case "pubDate" -> e.published(x.capture().text());
      case "author" -> e.author(x.capture().text());
      case "category" -> e.category(x.capture().text());
      case "language" -> e.lang = first(e.lang, x.capture().text());
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean atomEntry(XmlFeedReader x, RawEntry e, String name)
      throws XMLStreamException {
    switch (name) {
      case "title" -> e.title(atomText(x));
      case "link" -> e.links.add(link(x));
      case "id" -> {
        java.net.URI base = x.base();
        e.id(x.capture().text(), base, true);
      }
      case "published", "issued" -> e.published(x.capture().text());
      case "created" -> {
        if (!x.atom03()) {
          return false;
        }
        e.published(x.capture().text());
      }
      case "updated", "modified" -> e.updated(x.capture().text());
      case "summary" -> {
        java.net.URI base = x.base();
        e.summary(atomText(x), base);
      }
      case "content" -> {
        java.net.URI base = x.base();
        e.content(atomText(x), base);
      }
      case "category" -> {
        String label = x.attr("label");
        String term = x.attr("term");
        x.capture();
        e.category(label != null && !label.isBlank() ? label : term);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  static boolean feed(XmlFeedReader x, String ns, String name) throws XMLStreamException {
    RawFeed f = x.feed();
    if (x.isAtom(ns) && x.inAtomFeed()) {
      switch (name) {
        case "title" -> f.title(atomText(x));
        case "link" -> {
          RawEntry.Link l = link(x);
          if (l.rel().equals("alternate")) {
            f.link(l.href(), l.base());
          }
        }
        default -> {
          return false;
        }
      }
      return true;
    }
    if (XmlFeedReader.isDc(ns)) {
      switch (name) {
        case "title" -> f.title(x.capture().text());
        case "language" -> f.language(x.capture().text());
        default -> {
          return false;
        }
      }
      return true;
    }
    if (!isRss(ns)) {
      return false;
    }
    switch (name) {
      case "title" -> f.title(x.capture().html(Kind.HTML));
      case "link" -> {
        java.net.URI base = x.base();
        f.link(x.capture().text(), base);
      }
      case "language" -> f.language(x.capture().text());
      default -> {
        return false;
      }
    }
    return true;
  }

  /** An Atom link; without {@code href}, its text is the address. */
  private static RawEntry.Link link(XmlFeedReader x) throws XMLStreamException {
    String href = x.attr("href");
    String rel = x.attr("rel");
    String type = x.attr("type");
    java.net.URI base = x.base();
    String text = x.capture().text();
    if (href == null || href.isBlank()) {
      href = text.strip();
    }
    return new RawEntry.Link(
        href, rel == null || rel.isBlank() ? "alternate" : rel.strip(), type, base);
  }

  /** An Atom text construct as HTML, read as its {@code type} and (Atom 0.3) {@code mode} say. */
  private static String atomText(XmlFeedReader x) throws XMLStreamException {
    String type = x.attr("type");
    String mode = x.attr("mode");
    String src = x.attr("src");
    Kind kind = Captured.atomKind(type, x.atom03());
    Captured c = x.capture();
    if (kind == null || src != null && c.text().isBlank()) {
      return null;
    }
    if ("base64".equalsIgnoreCase(mode)) {
      String decoded = c.base64();
      if (decoded == null) {
        x.feed()
            .note(
                "entry "
                    + (x.feed().entries.size() + 1)
                    + ": a field declared base64 is not valid base64; left out");
        return null;
      }
      return kind == Kind.TEXT ? Text.escape(decoded) : decoded;
    }
    if ("escaped".equalsIgnoreCase(mode)) {
      return kind == Kind.TEXT ? Text.escape(c.text()) : c.text();
    }
    if (x.atom03() && c.elements()) {
      return c.html(Kind.XHTML);
    }
    return c.html(kind);
  }

  private static String first(String current, String value) {
    return current != null || value == null || value.isBlank() ? current : value.strip();
  }
}
