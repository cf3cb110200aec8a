package org.veille.digest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Entities;
import org.veille.config.Config;

/**
 * The folder of published digests ({@code data/digests/}): each digest as {@code NAME.html}, {@code
 * .txt}, {@code .md} and {@code .json}, and {@code digests.xml}, an RSS 2.0 feed with one entry per
 * digest, rebuilt from the JSON files each time one is written.
 */
public final class DigestArchive {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(DigestArchive.class);
  public static final String FEED = "digests.xml";
  private static final int FEED_ENTRIES = 52;

  private final Path dir;
  private final Config config;

  public DigestArchive(Path dir, Config config) {
    this.dir = dir;
    this.config = config;
  }

  public Path dir() {
    return dir;
  }

  /** Writes every format of {@code d} and refreshes the feed; returns the files written. */
  public List<Path> publish(Digest d, DigestRenderer renderer) {
    return publish(d, renderer, d.period().name());
  }

  /**
   * Writes every format of {@code d} as {@code name.*} (an audience's letter: {@code
   * WEEK.AUDIENCE}) and refreshes the feed; returns the files written.
   */
  public List<Path> publish(Digest d, DigestRenderer renderer, String name) {
    List<Path> written = new ArrayList<>();
    for (DigestRenderer.Format f : DigestRenderer.Format.values()) {
      Path p = dir.resolve(name + "." + f.extension());
      write(p, renderer.render(d, f, List.of()));
      written.add(p);
    }
    written.add(writeFeed());
    return written;
  }

  /** Rebuilds {@code digests.xml} from the JSON digests in the folder. */
  public Path writeFeed() {
    Path p = dir.resolve(FEED);
    write(p, feed());
    return p;
  }

  /** The RSS 2.0 archive, newest digest first. */
  public String feed() {
    var nl = config.settings().newsletter();
    String base = nl.archive().orElse(dir.toUri().toString());
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("rss_2.0");
    feed.setTitle(XmlSafe.clean(nl.title()));
    feed.setLink(base);
    feed.setDescription(
        XmlSafe.clean(nl.title())
            + " — "
            + ("en".equals(nl.locale()) ? "weekly digests" : "lettres hebdomadaires"));
    feed.setLanguage(nl.locale());
    List<SyndEntry> entries = new ArrayList<>();
    for (Summary s : summaries()) {
      SyndEntry e = new SyndEntryImpl();
      e.setTitle(XmlSafe.clean(s.title()));
      e.setLink(base + s.name() + ".html");
      e.setUri("veille-digest:" + s.name());
      e.setPublishedDate(Date.from(s.to()));
      SyndContentImpl c = new SyndContentImpl();
      c.setType("text/html");
      StringBuilder html =
          new StringBuilder("<p>").append(Entities.escape(s.counts())).append("</p><ul>");
      for (String[] h : s.headlines()) {
        html.append("<li><a href=\"")
            .append(Entities.escape(h[1]))
            .append("\">")
            .append(Entities.escape(h[0]))
            .append("</a></li>");
      }
      c.setValue(XmlSafe.clean(html.append("</ul>").toString()));
      e.setDescription(c);
      entries.add(e);
    }
    feed.setEntries(entries);
    try {
      StringWriter out = new StringWriter();
      new SyndFeedOutput().output(feed, out);
      return out.toString();
    } catch (IOException | FeedException e) {
      throw new IllegalStateException("cannot write the digest feed: " + e.getMessage(), e);
    }
  }

  /** What the feed says of one digest. */
  private record Summary(
      String name, String title, Instant to, String counts, List<String[]> headlines) {}

  private List<Summary> summaries() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Summary> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        try {
          out.add(read(p));
        } catch (IOException | RuntimeException e) {
          // one damaged digest must not keep every later week out of the archive
          log.warn("{}: left out of the archive, it cannot be read: {}", p, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
    out.sort(Comparator.comparing(Summary::to).reversed());
    return out.subList(0, Math.min(FEED_ENTRIES, out.size()));
  }

  private Summary read(Path p) throws IOException {
    String name = p.getFileName().toString().replaceFirst("\\.json$", "");
    String title = name;
    Instant to = Instant.EPOCH;
    long items = 0;
    long sources = 0;
    List<String[]> headlines = new ArrayList<>();
    try (JsonParser j = new JsonFactory().createParser(p.toFile())) {
      j.nextToken();
      while (j.nextToken() == JsonToken.FIELD_NAME) {
        String field = j.currentName();
        j.nextToken();
        switch (field) {
          case "title" -> title = j.getText();
          case "to" -> to = Instant.parse(j.getText());
          case "items" -> items = j.getLongValue();
          case "sources" -> sources = j.getLongValue();
          case "headlines" -> {
            while (j.nextToken() == JsonToken.START_OBJECT) {
              String t = "";
              String u = "";
              while (j.nextToken() == JsonToken.FIELD_NAME) {
                String f = j.currentName();
                j.nextToken();
                if (f.equals("title")) {
                  t = j.getText();
                } else if (f.equals("url")) {
                  u = j.getText();
                } else {
                  j.skipChildren();
                }
              }
              headlines.add(new String[] {t, u});
            }
          }
          default -> j.skipChildren();
        }
      }
    }
    Labels labels = Labels.of(config.settings().newsletter().locale());
    return new Summary(name, title, to, labels.counts((int) items, (int) sources, true), headlines);
  }

  private static void write(Path p, String content) {
    try {
      Files.createDirectories(p.getParent());
      Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }
}
