package org.veille.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole of {@code feeds.yaml}: settings, topics and sources, immutable and validated. Load it
 * with {@link #load(Path)}.
 */
public record Config(
    Path file,
    Settings settings,
    List<Topic> topics,
    List<SourceConfig> sources,
    List<Audience> newsletters) {

  public Config {
    topics = List.copyOf(topics);
    sources = List.copyOf(sources);
    newsletters = List.copyOf(newsletters);
  }

  /** A config whose only audience is {@code settings.newsletter}, as {@code main}. */
  public Config(Path file, Settings settings, List<Topic> topics, List<SourceConfig> sources) {
    this(file, settings, topics, sources, List.of(Audience.main(settings.newsletter())));
  }

  /** The audience with this id. */
  public Optional<Audience> audience(String id) {
    return newsletters.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /**
   * The config as one audience's letter sees it: its newsletter settings in place of {@code
   * settings.newsletter}, and, when it filters on topics, only those topics (so that its sections
   * are its topics).
   */
  public Config forAudience(Audience a) {
    List<Topic> kept =
        a.filters().topics().isEmpty()
            ? topics
            : topics.stream().filter(t -> a.filters().topics().contains(t.id())).toList();
    return new Config(file, settings.withNewsletter(a.letter()), kept, sources, List.of(a));
  }

  /**
   * Reads and validates a config file; {@code checks} judge the values that belong to other stages.
   *
   * @throws ConfigException naming file, line and field of the first problem found
   */
  public static Config load(Path file, Checks checks) throws ConfigException {
    return new ConfigLoader(file, checks).load();
  }

  /** Validates YAML text as if it were the file {@code file} (which need not exist). */
  public static Config parse(Path file, String yaml, Checks checks) throws ConfigException {
    return new ConfigLoader(file, checks).parse(yaml);
  }

  public Optional<SourceConfig> source(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public List<SourceConfig> enabledSources() {
    return sources.stream().filter(SourceConfig::enabled).toList();
  }
}
