package org.veille.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Reads JSON Feed 1.0 and 1.1 (title, home page, language, authors; per item id, url, title,
 * summary, content_html or content_text, dates, authors, tags) with Jackson's streaming parser.
 * Items are kept as they complete, so a document cut short still yields the items before the cut.
 * Nesting deeper than {@value XmlFeedReader#MAX_DEPTH} is refused.
 */
final class JsonFeedReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(XmlFeedReader.MAX_DEPTH).build())
          .build();

  /** The document is JSON but not a JSON Feed; {@code message} says why. */
  static final class NotAFeed extends Exception {
    NotAFeed(String message) {
      super(message);
    }
  }

  /** The document broke off or went wrong after {@code partial} was read. */
  static final class Broken extends Exception {
    final transient RawFeed partial;

    Broken(RawFeed partial, IOException cause) {
      super(cause.getMessage(), cause);
      this.partial = partial;
    }
  }

  private final JsonParser p;
  private final URI document;
  private final RawFeed feed = new RawFeed("json");
  private String version;
  private boolean items;

  private JsonFeedReader(JsonParser p, URI document) {
    this.p = p;
    this.document = document;
  }

  static RawFeed read(String json, URI document) throws NotAFeed, Broken {
    JsonFeedReader r = null;
    try (JsonParser p = FACTORY.createParser(json)) {
      r = new JsonFeedReader(p, document);
      return r.run();
    } catch (IOException e) {
      if (r == null || r.feed.entries.isEmpty()) {
        throw new NotAFeed("broken JSON Feed: " + firstLine(e.getMessage()));
      }
      throw new Broken(r.withFormat(), e);
    }
  }

  private RawFeed run() throws IOException, NotAFeed {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new NotAFeed("the server returned JSON, but not a JSON Feed (no object at the top)");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "version" -> version = p.getValueAsString();
        case "title" -> feed.title(Text.escape(p.getValueAsString()));
        case "home_page_url" -> feed.link(p.getValueAsString(), document);
        case "language" -> feed.language(p.getValueAsString());
        case "author" -> person(feed.authors);
        case "authors" -> people(feed.authors);
        case "items" -> {
          if (t != JsonToken.START_ARRAY) {
            throw new NotAFeed(
                "JSON Feed whose \"items\" is " + describe(t) + ", not a list of items");
          }
          items = true;
          items();
        }
        default -> p.skipChildren();
      }
    }
    if (version == null || !version.contains("jsonfeed.org/version/")) {
      throw new NotAFeed(
          "the server returned JSON, but not a JSON Feed (no \"version\" naming jsonfeed.org)");
    }
    if (!items) {
      throw new NotAFeed("JSON Feed without an \"items\" list");
    }
    return withFormat();
  }

  private RawFeed withFormat() {
    String v = version == null ? "1.1" : version.replaceAll(".*/version/", "");
    RawFeed out = new RawFeed("json_" + (v.equals("1") ? "1.0" : v));
    out.title = feed.title;
    out.link = feed.link;
    out.linkBase = feed.linkBase;
    out.language = feed.language;
    out.authors.addAll(feed.authors);
    out.entries.addAll(feed.entries);
    out.notes.addAll(feed.notes);
    return out;
  }

  private void items() throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      if (t != JsonToken.START_OBJECT) {
        feed.note("item " + (feed.entries.size() + 1) + " is " + describe(t) + "; left out");
        p.skipChildren();
        continue;
      }
      feed.entries.add(item());
    }
  }

  private RawEntry item() throws IOException {
    URI base = feed.link == null ? document : resolve(feed.link);
    RawEntry e = new RawEntry(base);
    String text = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "id" -> e.id(p.getValueAsString(), null, false);
        case "url" -> e.links.add(new RawEntry.Link(p.getValueAsString(), "alternate", null, base));
        case "external_url" ->
            e.links.add(new RawEntry.Link(p.getValueAsString(), "related", null, base));
        case "title" -> e.title(Text.escape(p.getValueAsString()));
        case "summary" -> e.summary(Text.escape(p.getValueAsString()), base);
        case "content_html" ->
            e.contents.add(0, new RawEntry.Html(nonNull(p.getValueAsString()), base, false));
        case "content_text" -> text = p.getValueAsString();
        case "date_published" -> e.published(p.getValueAsString());
        case "date_modified" -> e.updated(p.getValueAsString());
        case "author" -> person(e.authors);
        case "authors" -> people(e.authors);
        case "tags" -> tags(e);
        case "language" -> e.lang = p.getValueAsString();
        default -> p.skipChildren();
      }
    }
    if (text != null && !text.isBlank()) {
      e.content(Text.escape(text).replace("\n", "<br>"), base);
    }
    e.contents.removeIf(h -> h.html().isBlank());
    return e;
  }

  private void people(List<String> into) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      personFields(into);
    }
  }

  private void person(List<String> into) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    personFields(into);
  }

  private void personFields(List<String> into) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("name")) {
        String n = Authors.name(Text.escape(p.getValueAsString()));
        if (n != null && !into.contains(n)) {
          into.add(n);
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private void tags(RawEntry e) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      if (t == JsonToken.VALUE_STRING) {
        e.category(Text.escape(p.getText()));
      } else {
        p.skipChildren();
      }
    }
  }

  private URI resolve(String href) {
    return CanonicalUrl.of(href, document).orElse(document);
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "something else";
    };
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
