package org.veille.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Turns the YAML tree of {@code feeds.yaml} into {@link Config}, checking every field. */
final class ConfigLoader {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private final Path file;
  private final Checks checks;

  ConfigLoader(Path file, Checks checks) {
    this.file = file;
    this.checks = checks;
  }

  Config load() throws ConfigException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          file, 0, "", "config file not found (use --config FILE or VEILLE_CONFIG)");
    } catch (IOException e) {
      throw new ConfigException(file, 0, "", "cannot read config file: " + e.getMessage());
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(file, 0, "", "config file is not valid UTF-8");
    }
    return parse(text);
  }

  Config parse(String yaml) throws ConfigException {
    Node root = compose(yaml);
    YamlMap top = YamlMap.of(file, root, "");
    SettingsLoader settingsLoader = new SettingsLoader(file, checks);
    Settings settings = settingsLoader.settings(top.map("settings"));
    List<Topic> topics = topics(top.list("topics"));
    List<SourceConfig> sources = sources(top.requiredList("sources"));
    List<Audience> newsletters =
        newsletters(top.list("newsletters"), settingsLoader.mainAudience(), topics, sources);
    top.rejectUnknown();
    return new Config(file, settings, topics, sources, newsletters);
  }

  private Node compose(String yaml) throws ConfigException {
    LoadSettings load =
        LoadSettings.builder()
            .setLabel(file.toString())
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(50)
            .build();
    try {
      Optional<Node> node = new Compose(load).composeString(yaml);
      return node.orElseThrow(
          () ->
              new ConfigException(
                  file, 1, "", "config file is empty; it needs at least a 'sources' list"));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      throw new ConfigException(file, line, "", "invalid YAML: " + problem.trim());
    } catch (YamlEngineException e) {
      throw new ConfigException(file, 0, "", "invalid YAML: " + e.getMessage());
    }
  }

  // ---- audiences ---------------------------------------------------------------------------

  /**
   * {@code settings.newsletter} is the audience {@code main}: alone without {@code newsletters:},
   * first of them when it has recipients. Entries take their defaults from it.
   */
  private List<Audience> newsletters(
      Optional<List<YamlMap>> node, Audience main, List<Topic> topics, List<SourceConfig> sources)
      throws ConfigException {
    List<Audience> out = new ArrayList<>();
    if (node.isEmpty()) {
      checkFilters(null, main, topics, sources);
      return List.of(main);
    }
    Map<String, Integer> seen = new HashMap<>();
    if (!main.recipients().isEmpty() || main.recipientsFile() != null) {
      checkFilters(null, main, topics, sources);
      out.add(main);
      seen.put(Audience.MAIN, main.line());
    }
    NewsletterLoader loader = new NewsletterLoader(file, checks);
    for (YamlMap m : node.get()) {
      Audience a = loader.entry(m, main.letter(), main.review());
      checkId(m, a.id(), seen);
      checkFilters(m, a, topics, sources);
      out.add(a);
    }
    return out;
  }

  private void checkFilters(YamlMap m, Audience a, List<Topic> topics, List<SourceConfig> sources)
      throws ConfigException {
    String where = m == null ? "settings.newsletter" : "newsletters[" + a.id() + "]";
    for (String t : a.filters().topics()) {
      if (topics.stream().noneMatch(x -> x.id().equals(t))) {
        throw new ConfigException(
            file,
            a.line(),
            where + ".topics",
            "unknown topic '"
                + t
                + "' (topics: "
                + String.join(", ", topics.stream().map(Topic::id).toList())
                + ")");
      }
    }
    for (String s : a.filters().sources()) {
      if (sources.stream().noneMatch(x -> x.id().equals(s))) {
        throw new ConfigException(file, a.line(), where + ".sources", "unknown source '" + s + "'");
      }
    }
  }

  // ---- topics and sources --------------------------------------------------------------------

  private List<Topic> topics(Optional<List<YamlMap>> node) throws ConfigException {
    List<Topic> topics = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (YamlMap m : node.orElse(List.of())) {
      String id = m.requiredString("id");
      checkId(m, id, seen);
      String query = m.requiredString("query");
      if (query.isBlank()) {
        throw m.error("query", "must not be empty");
      }
      Optional<String> problem = checks.topicQuery().problem(query);
      if (problem.isPresent()) {
        throw new ConfigException(
            file, m.line(), m.field("query"), "topic '" + id + "': " + problem.get());
      }
      topics.add(new Topic(id, m.string("name").orElse(id), query, m.line()));
      m.rejectUnknown();
    }
    return topics;
  }

  private List<SourceConfig> sources(List<YamlMap> nodes) throws ConfigException {
    List<SourceConfig> sources = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (YamlMap m : nodes) {
      String id = m.requiredString("id");
      checkId(m, id, seen);
      URI url = url(m, "url", m.requiredString("url"));
      String typeName = m.string("type").orElse("feed");
      SourceConfig.SourceType type;
      try {
        type = SourceConfig.SourceType.valueOf(typeName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw m.error("type", "must be feed or page (got '" + typeName + "')");
      }
      Optional<YamlMap> select = m.map("select");
      PageSelectors selectors = null;
      String content = null;
      if (select.isPresent()) {
        content = contentSelector(select.get());
      }
      if (type == SourceConfig.SourceType.PAGE) {
        if (select.isEmpty()) {
          throw m.error(
              "select", "a source of type page needs select.item (a CSS selector for each item)");
        }
        selectors = selectors(select.get());
      } else if (select.isPresent()) {
        select.get().rejectUnknown(); // a feed source takes select.content only
      }
      String mode = m.string("fulltext").orElse("auto");
      SourceConfig.FullTextMode fulltext;
      try {
        fulltext = SourceConfig.FullTextMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw m.error("fulltext", "must be auto, always or never (got '" + mode + "')");
      }
      Optional<String> lang = m.string("lang");
      if (lang.isPresent() && !lang.get().matches("[a-z]{2}")) {
        throw m.error("lang", "must be a two-letter language code such as fr or en");
      }
      Optional<String> kind = m.string("kind");
      if (kind.isPresent() && !kind.get().equals(SourceConfig.CALLS)) {
        throw m.error(
            "kind",
            "must be calls (a source whose every item is a call for projects); got '"
                + kind.get()
                + "'");
      }
      double weight = m.number("weight").orElse(1.0);
      if (weight <= 0) {
        throw m.error("weight", "must be more than 0");
      }
      sources.add(
          new SourceConfig(
              id,
              m.string("name").orElse(null),
              url,
              type,
              lang.orElse(null),
              m.strings("tags"),
              m.bool("enabled").orElse(true),
              weight,
              selectors,
              m.line(),
              fulltext,
              content,
              kind.orElse(null)));
      m.rejectUnknown();
    }
    return sources;
  }

  /** {@code select.content}: the CSS selector of an article page's text, checked now. */
  private String contentSelector(YamlMap m) throws ConfigException {
    Optional<String> css = m.string("content");
    if (css.isEmpty()) {
      return null;
    }
    if (css.get().isBlank()) {
      throw m.error("content", "must not be empty (leave it out for the automatic extraction)");
    }
    Optional<String> problem = checks.selector().problem(css.get());
    if (problem.isPresent()) {
      throw m.error("content", problem.get());
    }
    return css.get();
  }

  private PageSelectors selectors(YamlMap m) throws ConfigException {
    String item =
        m.string("item")
            .orElseThrow(() -> m.error("item", "missing: a source of type page needs select.item"));
    PageSelectors s =
        new PageSelectors(
            item,
            m.string("title").orElse(null),
            m.string("link").orElse(null),
            m.string("date").orElse(null),
            m.string("summary").orElse(null));
    for (String key : List.of("item", "title", "link", "date", "summary", "content")) {
      Optional<String> css = m.string(key);
      Optional<String> problem = css.flatMap(checks.selector()::problem);
      if (problem.isPresent()) {
        throw m.error(key, problem.get());
      }
    }
    m.rejectUnknown();
    return s;
  }

  private static void checkId(YamlMap m, String id, Map<String, Integer> seen)
      throws ConfigException {
    if (!ID.matcher(id).matches()) {
      throw m.error("id", "'" + id + "' must be lower-case letters, digits, '-', '_' or '.'");
    }
    Integer first = seen.putIfAbsent(id, m.line());
    if (first != null) {
      throw m.error("id", "duplicate id '" + id + "' (first defined on line " + first + ")");
    }
  }

  static URI url(YamlMap m, String key, String text) throws ConfigException {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw m.error(key, "'" + text + "' must be an absolute http or https URL");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        throw m.error(key, "'" + text + "' has no host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw m.error(key, "'" + text + "' is not a valid URL: " + e.getReason());
    }
  }
}
