package org.veille.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.fetch.Fetcher;
import org.veille.store.SqliteStore;
import org.veille.store.WriterLock;

/**
 * The wiring of one command: which config file and data folder, and the parts built from them.
 * Plain constructors, nothing static.
 */
final class AppContext {
  static final Duration LOCK_WAIT = Duration.ofSeconds(5);

  private final Path configOption;
  private final Path dataOption;
  private final Map<String, String> env;
  private Config config;
  private final Clock clock;

  AppContext(Path configOption, Path dataOption, Map<String, String> env) {
    this.configOption = configOption;
    this.dataOption = dataOption;
    this.env = env;
    this.clock = clockFrom(env);
  }

  /** A context on an already loaded config (the daemon keeps the last valid one). */
  AppContext(Config config, Path dataOption, Map<String, String> env, Clock clock) {
    this.configOption = config.file();
    this.dataOption = dataOption;
    this.env = env;
    this.clock = clock;
    this.config = config;
  }

  Path dataOption() {
    return dataOption;
  }

  /**
   * The system clock, or a fixed one from {@code VEILLE_NOW} (an ISO instant): for reproducing a
   * past week's digest exactly, and for tests.
   */
  private static Clock clockFrom(Map<String, String> env) {
    String now = env.get("VEILLE_NOW");
    if (now == null || now.isBlank()) {
      return Clock.systemUTC();
    }
    try {
      return Clock.fixed(java.time.Instant.parse(now.strip()), java.time.ZoneOffset.UTC);
    } catch (java.time.format.DateTimeParseException e) {
      throw new UsageException("VEILLE_NOW must be an ISO instant such as 2026-11-23T08:00:00Z");
    }
  }

  Path configPath() {
    if (configOption != null) {
      return configOption;
    }
    String fromEnv = env.get("VEILLE_CONFIG");
    return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : Path.of("feeds.yaml");
  }

  Config config() throws ConfigException {
    if (config == null) {
      config = Config.load(configPath());
    }
    return config;
  }

  Path dataDir() throws ConfigException {
    if (dataOption != null) {
      return dataOption.toAbsolutePath();
    }
    String fromEnv = env.get("VEILLE_DATA");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath();
    }
    return config().settings().dataDir();
  }

  SqliteStore openStore() throws ConfigException {
    return SqliteStore.open(dataDir().resolve("veille.db"));
  }

  WriterLock writerLock() throws ConfigException, WriterLock.LockedException, InterruptedException {
    return WriterLock.acquire(dataDir(), LOCK_WAIT);
  }

  org.veille.index.LuceneIndex openIndex() throws ConfigException {
    return org.veille.index.LuceneIndex.open(dataDir().resolve("index"));
  }

  /** The topic tagger; a topic query that does not parse is a config error naming the topic. */
  org.veille.index.Tagger tagger() throws ConfigException {
    Config c = config();
    try {
      return new org.veille.index.Tagger(
          c.topics().stream()
              .map(t -> new org.veille.index.Tagger.TopicQuery(t.id(), t.query()))
              .toList());
    } catch (org.veille.index.Tagger.InvalidTopicException e) {
      int i = 0;
      for (var t : c.topics()) {
        if (t.id().equals(e.topic())) {
          throw new ConfigException(c.file(), t.line(), "topics[" + i + "].query", e.getMessage());
        }
        i++;
      }
      throw new ConfigException(c.file(), 0, "topics", e.getMessage());
    }
  }

  Fetcher fetcher() throws ConfigException {
    return new Fetcher(config().settings().fetch(), config().settings().userAgent());
  }

  Clock clock() {
    return clock;
  }

  Map<String, String> env() {
    return env;
  }
}
