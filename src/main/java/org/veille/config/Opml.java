package org.veille.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * OPML in and out: reads the feed outlines of a feed reader's export (jsoup's XML parser, which
 * neither loads DTDs nor expands entities), and writes the sources as OPML 2.0.
 */
public final class Opml {
  private Opml() {}

  /** A feed found in an OPML file, with an id proposed for feeds.yaml. */
  public record Entry(String id, String name, URI url, String lang) {}

  /**
   * The feed outlines of {@code opml} whose URL is not in {@code knownUrls}, with ids unique
   * against {@code takenIds}.
   *
   * @throws IllegalArgumentException when the text is not OPML
   */
  public static List<Entry> read(
      byte[] opml, Collection<String> takenIds, Collection<String> knownUrls) {
    Document doc = Jsoup.parse(new String(opml, StandardCharsets.UTF_8), "", Parser.xmlParser());
    if (doc.selectFirst("opml") == null) {
      throw new IllegalArgumentException("not an OPML file (no <opml> element)");
    }
    Set<String> ids = new HashSet<>(takenIds);
    Set<String> urls = new HashSet<>(knownUrls);
    List<Entry> out = new ArrayList<>();
    for (Element o : doc.select("outline[xmlUrl]")) {
      String href = o.attr("xmlUrl").trim();
      URI url;
      try {
        url = new URI(href);
      } catch (java.net.URISyntaxException e) {
        continue;
      }
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())
          || !urls.add(url.toString())) {
        continue;
      }
      String name = o.hasAttr("title") ? o.attr("title") : o.attr("text");
      String id = uniqueId(slug(name.isBlank() ? url.getHost() : name), ids);
      String lang =
          o.attr("language").length() >= 2
              ? o.attr("language").substring(0, 2).toLowerCase(Locale.ROOT)
              : null;
      out.add(new Entry(id, name.isBlank() ? null : name.trim(), url, lang));
    }
    return out;
  }

  /** Lines to paste under {@code sources:} in feeds.yaml. */
  public static String toYaml(List<Entry> entries) {
    StringBuilder sb = new StringBuilder();
    for (Entry e : entries) {
      sb.append("  - id: ").append(e.id()).append('\n');
      if (e.name() != null) {
        sb.append("    name: ").append(quote(e.name())).append('\n');
      }
      sb.append("    url: ").append(quote(e.url().toString())).append('\n');
      if (e.lang() != null && e.lang().matches("[a-z]{2}")) {
        sb.append("    lang: ").append(e.lang()).append('\n');
      }
    }
    return sb.toString();
  }

  /** The sources as an OPML 2.0 document; page sources carry only their {@code htmlUrl}. */
  public static String write(String title, List<SourceConfig> sources) {
    return write(title, sources, java.util.Map.of());
  }

  /**
   * OPML 2.0 of {@code sources}; a feed source whose configured address is a page that led to a
   * feed is written with that feed ({@code feeds}, by source id) as {@code xmlUrl} and the page as
   * {@code htmlUrl}, so that a feed reader gets the feed.
   */
  public static String write(
      String title, List<SourceConfig> sources, java.util.Map<String, java.net.URI> feeds) {
    StringBuilder sb =
        new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>")
            .append(Entities.escape(title))
            .append("</title>\n  </head>\n  <body>\n");
    for (SourceConfig s : sources) {
      String name = Entities.escape(s.displayName().orElse(s.id()));
      String url = Entities.escape(s.url().toString());
      sb.append("    <outline text=\"").append(name).append("\" title=\"").append(name).append('"');
      java.net.URI feed = feeds.get(s.id());
      if (s.type() == SourceConfig.SourceType.FEED && feed != null && !feed.equals(s.url())) {
        sb.append(" type=\"rss\" xmlUrl=\"")
            .append(Entities.escape(feed.toString()))
            .append("\" htmlUrl=\"")
            .append(url)
            .append('"');
      } else if (s.type() == SourceConfig.SourceType.FEED) {
        sb.append(" type=\"rss\" xmlUrl=\"").append(url).append('"');
      } else {
        sb.append(" htmlUrl=\"").append(url).append('"');
      }
      if (s.lang() != null) {
        sb.append(" language=\"").append(s.lang()).append('"');
      }
      sb.append("/>\n");
    }
    return sb.append("  </body>\n</opml>\n").toString();
  }

  private static String slug(String name) {
    String s =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (s.length() > 40) {
      s = s.substring(0, 40).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "source" : s;
  }

  private static String uniqueId(String base, Set<String> taken) {
    String id = base;
    for (int n = 2; !taken.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
