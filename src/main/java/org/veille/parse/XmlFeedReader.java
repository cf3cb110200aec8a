package org.veille.parse;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 in one streaming pass over the JDK's StAX reader, with
 * Dublin Core and dcterms as fallbacks and complements, {@code xml:base} honoured on every element,
 * and entries kept as they complete, so that a document cut short still yields the entries before
 * the cut. No external entity or DTD is ever fetched; internal entities are expanded only after
 * {@link Doctypes} has accepted them. Elements nested more than {@value #MAX_DEPTH} deep are
 * refused.
 */
final class XmlFeedReader {
  static final int MAX_DEPTH = 512;

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String ATOM03 = "http://purl.org/atom/ns#";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String DCTERMS = "http://purl.org/dc/terms/";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  private static final String RSS090 = "http://my.netscape.com/rdf/simple/0.9/";
  private static final Set<String> SKIPPED =
      Set.of(
          "image", "textinput", "textInput", "items", "source", "cloud", "skipHours", "skipDays");

  /** The document is XML but no feed, or was refused; {@code message} says which. */
  static final class NotAFeed extends Exception {
    NotAFeed(String message) {
      super(message);
    }
  }

  /** The document broke off or went wrong after {@code partial} was read. */
  static final class Broken extends Exception {
    final transient RawFeed partial;
    final int offset;

    Broken(RawFeed partial, XMLStreamException cause, int offset) {
      super(cause.getMessage(), cause);
      this.partial = partial;
      this.offset = offset;
    }
  }

  private final XMLStreamReader r;
  private final Deque<URI> bases = new ArrayDeque<>();
  private final Deque<String> names = new ArrayDeque<>();
  private RawFeed feed;
  private boolean atom;
  private boolean atom03;
  private RawEntry entry;
  private int entryDepth;
  private Person person;
  private int personDepth;
  private int depth;

  private XmlFeedReader(XMLStreamReader r, URI document) {
    this.r = r;
    bases.push(document);
  }

  /** Reads {@code xml}, fetched from {@code document}; {@code dtd} says whether to expand. */
  static RawFeed read(String xml, URI document, boolean dtd) throws NotAFeed, Broken {
    XMLStreamReader r;
    try {
      r = factory(dtd).createXMLStreamReader(new StringReader(xml));
    } catch (XMLStreamException e) {
      throw new Broken(null, e, 0);
    }
    XmlFeedReader reader = new XmlFeedReader(r, document);
    try {
      reader.run();
      return reader.feed;
    } catch (XMLStreamException | RuntimeException e) {
      XMLStreamException x =
          e instanceof XMLStreamException xe ? xe : new XMLStreamException(e.getMessage(), e);
      int offset = x.getLocation() == null ? -1 : x.getLocation().getCharacterOffset();
      throw new Broken(reader.feed, x, offset);
    }
  }

  private static XMLInputFactory factory(boolean dtd) {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, dtd);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setXMLResolver(
        (publicId, systemId, base, ns) -> new java.io.ByteArrayInputStream(new byte[0]));
    setLimit(f, "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", Doctypes.BUDGET);
    setLimit(f, "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", 10_000);
    return f;
  }

  private static void setLimit(XMLInputFactory f, String property, int value) {
    try {
      f.setProperty(property, String.valueOf(value));
    } catch (IllegalArgumentException e) {
      // another StAX implementation: the budget checked beforehand still holds
    }
  }

  private void run() throws XMLStreamException, NotAFeed {
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        start();
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        end();
      }
    }
    if (feed == null) {
      throw new NotAFeed("XML, but neither RSS nor Atom: the document has no root element");
    }
  }

  private void start() throws XMLStreamException, NotAFeed {
    depth++;
    if (depth > MAX_DEPTH) {
      tooDeep();
      return;
    }
    String ns = nonNull(r.getNamespaceURI());
    String name = r.getLocalName();
    bases.push(base(r.getAttributeValue(XMLConstants.XML_NS_URI, "base")));
    if (depth == 1) {
      root(ns, name);
    } else if (entry == null && isEntry(ns, name)) {
      entry = new RawEntry(bases.peek());
      entryDepth = depth;
      entry.lang = r.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
      entry.about = r.getAttributeValue(RDF, "about");
    } else if (SKIPPED.contains(name) && !ns.equals(DC)) {
      skip();
      bases.pop();
      depth--;
      return;
    } else if (person == null
        && (name.equals("author") || name.equals("contributor"))
        && isAtom(ns)) {
      person = new Person(name.equals("author"));
      personDepth = depth;
    } else if (field(ns, name)) {
      return;
    } else if (name.equals("channel")) {
      feed.language(r.getAttributeValue(XMLConstants.XML_NS_URI, "lang"));
    }
    names.push(name);
  }

  private void end() {
    names.pop();
    if (person != null && depth == personDepth) {
      person.finish(entry != null ? entry.authors : feed.authors);
      person = null;
    } else if (entry != null && depth == entryDepth) {
      if (entry.refusal != null) {
        feed.note(entry.refusal);
      } else {
        feed.entries.add(entry);
      }
      entry = null;
    }
    bases.pop();
    depth--;
  }

  /** Reads a known field whole, then leaves it as if its end tag had been seen. */
  private boolean field(String ns, String name) throws XMLStreamException {
    boolean read =
        person != null
            ? personField(name)
            : entry != null
                ? depth == entryDepth + 1 && Fields.entry(this, ns, name)
                : isFeedLevel() && Fields.feed(this, ns, name);
    if (read) {
      bases.pop();
      depth--;
    }
    return read;
  }

  private boolean personField(String name) throws XMLStreamException {
    switch (name) {
      case "name" -> person.name = capture().text();
      case "email" -> person.email = capture().text();
      default -> {
        return false;
      }
    }
    return true;
  }

  private void root(String ns, String name) throws NotAFeed {
    String lang = r.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
    switch (name.toLowerCase(Locale.ROOT)) {
      case "rss" -> {
        String v = r.getAttributeValue(null, "version");
        feed = new RawFeed(v == null ? "rss_2.0" : "rss_" + v.strip());
      }
      case "rdf" -> feed = new RawFeed(ns.equals(RDF) && isRss090() ? "rss_0.9" : "rss_1.0");
      case "feed" -> {
        atom = true;
        atom03 = ns.equals(ATOM03) || "0.3".equals(r.getAttributeValue(null, "version"));
        feed = new RawFeed(atom03 ? "atom_0.3" : "atom_1.0");
      }
      default ->
          throw new NotAFeed(
              "XML, but neither RSS nor Atom: the root element is <" + r.getLocalName() + ">");
    }
    feed.language(lang);
  }

  private boolean isRss090() {
    for (int i = 0; i < r.getNamespaceCount(); i++) {
      if (RSS090.equals(r.getNamespaceURI(i))) {
        return true;
      }
    }
    return false;
  }

  private boolean isEntry(String ns, String name) {
    return name.equals("item") && !atom || name.equals("entry") && isAtom(ns);
  }

  boolean isAtom(String ns) {
    return ns.equals(ATOM) || ns.equals(ATOM03) || atom && ns.isEmpty();
  }

  boolean atom03() {
    return atom03;
  }

  boolean inAtomFeed() {
    return atom;
  }

  private void tooDeep() throws XMLStreamException, NotAFeed {
    String message =
        "elements nested more than " + MAX_DEPTH + " deep (a parser-exhaustion attack)";
    if (entry == null) {
      throw new NotAFeed("refused: " + message);
    }
    entry.refusal = "entry " + (feed.entries.size() + 1) + " refused: " + message;
    skip();
    depth--;
  }

  /** Skips the current element and everything in it, without recursion. */
  private void skip() throws XMLStreamException {
    int level = 1;
    while (level > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        level++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        level--;
      }
    }
  }

  // ---- what the field readers use

  Captured capture() throws XMLStreamException {
    Captured c = Captured.read(r, MAX_DEPTH - depth);
    if (c.tooDeep() && entry != null) {
      entry.refusal =
          "entry "
              + (feed.entries.size() + 1)
              + " refused: elements nested more than "
              + MAX_DEPTH
              + " deep (a parser-exhaustion attack)";
    }
    return c;
  }

  String attr(String name) {
    return r.getAttributeValue(null, name);
  }

  String attr(String ns, String name) {
    return r.getAttributeValue(ns, name);
  }

  URI base() {
    return bases.peek();
  }

  RawFeed feed() {
    return feed;
  }

  RawEntry entry() {
    return entry;
  }

  /** A direct child of the channel (RSS) or of the feed (Atom). */
  private boolean isFeedLevel() {
    return atom ? depth == 2 : "channel".equals(names.peek());
  }

  static boolean isDc(String ns) {
    return ns.equals(DC);
  }

  static boolean isDcterms(String ns) {
    return ns.equals(DCTERMS);
  }

  static boolean isContent(String ns) {
    return ns.equals(CONTENT);
  }

  static boolean isXhtml(String ns) {
    return ns.equals(XHTML);
  }

  private URI base(String xmlBase) {
    URI current = bases.peek();
    if (xmlBase == null || xmlBase.isBlank()) {
      return current;
    }
    try {
      URI b = new URI(xmlBase.strip().replace(" ", "%20"));
      return current == null ? b : current.resolve(b);
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return current;
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /** An Atom person being read: the name wins, an email stands in for a missing one. */
  private static final class Person {
    final boolean author;
    String name;
    String email;

    Person(boolean author) {
      this.author = author;
    }

    void finish(java.util.List<String> into) {
      if (!author) {
        return;
      }
      String n = Authors.name(name != null && !name.isBlank() ? name : email);
      if (n != null && !into.contains(n)) {
        into.add(n);
      }
    }
  }
}
