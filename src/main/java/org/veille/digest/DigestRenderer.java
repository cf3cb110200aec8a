package org.veille.digest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veille.config.Config;

/**
 * Renders a digest as HTML for email, plain text (72 columns, links in full), Markdown or JSON.
 * HTML, text and Markdown come from Mustache templates in the jar, each of which a file of the same
 * name in a {@code templates/} folder beside feeds.yaml overrides (variables: see README). Feed
 * text only ever reaches the output escaped for its format; links are absolute http(s).
 */
public final class DigestRenderer {
  /** The output formats rendered from templates or data. */
  public enum Format {
    HTML("html"),
    TEXT("txt"),
    MD("md"),
    JSON("json");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  private final Config config;
  private final Labels labels;
  private final ZoneId zone;
  private final Path overrides;

  public DigestRenderer(Config config) {
    this.config = config;
    this.labels = Labels.of(config.settings().newsletter().locale());
    this.zone = config.settings().timezone();
    this.overrides = config.file().toAbsolutePath().getParent().resolve("templates");
  }

  /**
   * What is wrong with the templates of the {@code templates/} folder beside the config, one line
   * each naming the file; empty when every one present compiles (the built-in ones always do).
   */
  public List<String> templateProblems() {
    List<String> problems = new java.util.ArrayList<>();
    for (String name :
        List.of("digest.html.mustache", "digest.txt.mustache", "digest.md.mustache")) {
      Path custom = overrides.resolve(name);
      if (!Files.exists(custom)) {
        continue;
      }
      DefaultMustacheFactory factory =
          name.endsWith(".html.mustache")
              ? new DefaultMustacheFactory()
              : new PlainMustacheFactory();
      try (Reader r = Files.newBufferedReader(custom, StandardCharsets.UTF_8)) {
        factory.compile(r, name);
      } catch (IOException e) {
        problems.add(custom + ": cannot read: " + e.getMessage());
      } catch (MustacheException e) {
        problems.add(custom + ": " + e.getMessage());
      }
    }
    return problems;
  }

  /** The mail subject: newsletter title and period, on one line. */
  public String subject(Digest d) {
    return labels.subject(d.title(), d.period()).replaceAll("[\\r\\n]+", " ");
  }

  /**
   * Renders {@code d}. {@code brokenSources}, when not empty, adds the note for the editor listing
   * sources that need attention (only in the editor's copy).
   */
  public String render(Digest d, Format format, List<String> brokenSources) {
    return switch (format) {
      case JSON -> json(d);
      case HTML -> template("digest.html.mustache", true, view(d, brokenSources, Format.HTML));
      case TEXT -> template("digest.txt.mustache", false, view(d, brokenSources, Format.TEXT));
      case MD -> template("digest.md.mustache", false, view(d, brokenSources, Format.MD));
    };
  }

  private String template(String name, boolean html, Map<String, Object> view) {
    DefaultMustacheFactory factory =
        html ? new DefaultMustacheFactory() : new PlainMustacheFactory();
    Path custom = overrides.resolve(name);
    try (Reader r =
        Files.exists(custom)
            ? Files.newBufferedReader(custom, StandardCharsets.UTF_8)
            : new StringReader(resource(name))) {
      Mustache m = factory.compile(r, name);
      StringWriter out = new StringWriter();
      m.execute(out, view).flush();
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + custom, e);
    } catch (MustacheException e) {
      throw new IllegalStateException(
          "template " + (Files.exists(custom) ? custom : name) + ": " + e.getMessage(), e);
    }
  }

  private static String resource(String name) throws IOException {
    try (var in = DigestRenderer.class.getResourceAsStream("/templates/" + name)) {
      if (in == null) {
        throw new IOException("missing built-in template " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Mustache without HTML escaping, for text and Markdown (escaped by {@link #view} instead). */
  private static final class PlainMustacheFactory extends DefaultMustacheFactory {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new MustacheException(e);
      }
    }
  }

  // ---- the view: every variable a template can use -------------------------------------------

  private Map<String, Object> view(Digest d, List<String> broken, Format f) {
    var nl = config.settings().newsletter();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("lang", labels.locale().getLanguage());
    v.put("title", cell(labels.typography(d.title()), f));
    v.put("subject", cell(subject(d), f));
    v.put("period", labels.period(d.period()));
    v.put("week", d.period().isoWeek() ? d.period().name() : "");
    v.put("counts", labels.counts(d.items(), d.sources(), d.period().isoWeek()));
    v.put("empty", d.empty());
    v.put("nothingNew", d.period().isoWeek() ? labels.nothingNewThisWeek() : labels.nothingNew());
    v.put("headlinesLabel", labels.headlines());
    v.put("headlines", items(d.headlines(), f));
    v.put("hasHeadlines", !d.headlines().isEmpty());
    List<Map<String, Object>> sections = new ArrayList<>();
    for (Digest.Section s : d.sections()) {
      sections.add(section(s, f));
    }
    if (!d.others().items().isEmpty()) {
      sections.add(section(d.others(), f));
    }
    v.put("sections", sections);
    v.put("readMore", labels.readMore());
    v.put("footer", String.format(labels.footer(), labels.number(config.enabledSources().size())));
    String from = nl.from();
    String address =
        from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from.trim();
    v.put("unsubscribeLabel", labels.unsubscribe());
    v.put("colon", labels.colon());
    // a letter of one audience (a config made for it) unsubscribes from that audience only
    String audience = config.newsletters().size() == 1 ? config.newsletters().get(0).id() : "main";
    v.put(
        "unsubscribe",
        "mailto:"
            + address
            + "?subject=unsubscribe"
            + (audience.equals("main") ? "" : "%20" + audience));
    v.put("hasEdito", d.intro() != null);
    v.put(
        "edito",
        d.intro() == null
            ? ""
            : switch (f) {
              case HTML -> d.intro().html();
              case TEXT -> d.intro().text();
              default -> d.intro().markdown();
            });
    v.put("editorNote", !broken.isEmpty());
    v.put("editorNoteLabel", labels.editorNote());
    v.put("brokenSourcesLabel", labels.brokenSources());
    v.put("brokenSources", broken.stream().map(b -> cell(b, f)).toList());
    if (f == Format.TEXT) {
      v.put("rule", "=".repeat(Math.min(72, Math.max(10, d.title().length()))));
    }
    return v;
  }

  private Map<String, Object> section(Digest.Section s, Format f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", s.topic() == null ? "" : s.topic());
    m.put("name", cell(labels.typography(s.name()), f));
    m.put("items", items(s.items(), f));
    return m;
  }

  private List<Map<String, Object>> items(List<Digest.Item> items, Format f) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Digest.Item i : items) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", i.id());
      m.put(
          "url",
          f == Format.MD
              ? i.url().replace("(", "%28").replace(")", "%29").replace(" ", "%20")
              : i.url());
      m.put("source", cell(labels.typography(i.sourceName()), f));
      m.put("date", labels.date(i.published(), zone));
      m.put(
          "alsoIn",
          !i.alsoIn().isEmpty()
              ? cell(labels.alsoIn(i.alsoIn().stream().map(labels::typography).toList()), f)
              : i.sources().size() > 1 ? cell("+" + (i.sources().size() - 1), f) : "");
      String title = labels.typography(i.title());
      String summary = labels.typography(i.summary());
      if (f == Format.TEXT) {
        m.put("title", Wrapping.wrap(oneLine(title), 70, "  "));
        m.put("summary", summary.isEmpty() ? "" : Wrapping.wrap(oneLine(summary), 70, "  "));
      } else {
        m.put("title", cell(title, f));
        m.put("summary", cell(summary, f));
      }
      m.put("hasSummary", !i.summary().isEmpty());
      m.put("communes", i.communes().isEmpty() ? "" : cell(labels.communes(i.communes()), f));
      m.put("closes", i.call().isCall() ? cell(labels.closes(i.call()), f) : "");
      out.add(m);
    }
    return out;
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  /** Feed text for one line of a format: line breaks folded; Markdown's specials escaped. */
  private static String cell(String s, Format f) {
    return f == Format.MD ? Markdown.escape(s) : oneLine(s);
  }

  // ---- JSON ---------------------------------------------------------------------------------

  private String json(Digest d) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("week", d.period().isoWeek() ? d.period().name() : null);
      g.writeStringField("from", d.period().from().toString());
      g.writeStringField("to", d.period().to().toString());
      g.writeStringField("title", subject(d));
      g.writeNumberField("items", d.items());
      g.writeNumberField("sources", d.sources());
      if (d.intro() != null) {
        g.writeStringField("edito", d.intro().markdown());
      }
      g.writeArrayFieldStart("headlines");
      for (Digest.Item i : d.headlines()) {
        jsonItem(g, i);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("sections");
      List<Digest.Section> all = new ArrayList<>(d.sections());
      all.add(d.others());
      for (Digest.Section s : all) {
        g.writeStartObject();
        g.writeStringField("topic", s.topic());
        g.writeStringField("name", s.name());
        g.writeArrayFieldStart("items");
        for (Digest.Item i : s.items()) {
          jsonItem(g, i);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void jsonItem(JsonGenerator g, Digest.Item i) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", i.id());
    g.writeStringField("title", i.title());
    g.writeStringField("url", i.url());
    g.writeStringField("source", i.source());
    g.writeArrayFieldStart("sources");
    for (String s : i.sources()) {
      g.writeString(s);
    }
    g.writeEndArray();
    g.writeStringField("published", i.published().truncatedTo(ChronoUnit.SECONDS).toString());
    g.writeStringField("summary", i.summary());
    g.writeArrayFieldStart("topics");
    for (String t : i.topics()) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
