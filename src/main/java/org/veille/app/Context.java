package org.veille.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Consumer;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.index.Index;
import org.veille.store.Store;
import org.veille.store.WriterLock;

/**
 * Where a use case runs: which config file and data folder (from the options, then {@code
 * VEILLE_CONFIG} / {@code VEILLE_DATA}, then the defaults), the environment, and the clock. The
 * config is read once, on first use, with every stage's checks.
 */
public final class Context {
  private final Path configOption;
  private final Path dataOption;
  private final Map<String, String> env;
  private final Clock clock;
  private final Backends backends;
  private Config config;

  private Context(
      Path configOption,
      Path dataOption,
      Map<String, String> env,
      Clock clock,
      Backends backends,
      Config config) {
    this.configOption = configOption;
    this.dataOption = dataOption;
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.backends = backends;
    this.config = config;
  }

  /**
   * A context from the command line's options (each nullable) and the environment.
   *
   * @throws RequestException when {@code VEILLE_NOW} is not an ISO instant
   */
  public static Context of(
      Path configOption, Path dataOption, Map<String, String> env, Backends backends) {
    return new Context(configOption, dataOption, env, clockFrom(env), backends, null);
  }

  /** The same context on an already loaded config (the daemon keeps the last valid one). */
  public Context withConfig(Config loaded) {
    return new Context(loaded.file(), dataOption, env, clock, backends, loaded);
  }

  /** The same context with the config read again from its file on first use. */
  public Context reloaded() {
    return new Context(configOption, dataOption, env, clock, backends, null);
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
      return Clock.fixed(Instant.parse(now.strip()), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new RequestException("VEILLE_NOW must be an ISO instant such as 2026-11-23T08:00:00Z");
    }
  }

  public Path configPath() {
    if (configOption != null) {
      return configOption;
    }
    String fromEnv = env.get("VEILLE_CONFIG");
    return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : Path.of("feeds.yaml");
  }

  /**
   * The config, read and checked on first use.
   *
   * @throws ConfigException naming file, line and field of the first problem
   */
  public Config config() throws ConfigException {
    if (config == null) {
      config = Config.load(configPath(), backends.checks());
    }
    return config;
  }

  /** The data folder: {@code --data}, {@code VEILLE_DATA}, or {@code settings.data_dir}. */
  public Path dataDir() throws ConfigException {
    if (dataOption != null) {
      return dataOption.toAbsolutePath();
    }
    String fromEnv = env.get("VEILLE_DATA");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath();
    }
    return config().settings().dataDir();
  }

  public Backends backends() {
    return backends;
  }

  /** Opens the store of the data folder. */
  public Store openStore() throws ConfigException {
    return backends.openStore(dataDir());
  }

  /**
   * Opens the store for a command that is about to write to it, after a quick integrity check: a
   * damaged store is reported before anything is added to it.
   */
  public Store openStoreToWrite() throws ConfigException {
    Store store = openStore();
    try {
      store.check();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** Opens the search index of the data folder. */
  public Index openIndex() throws ConfigException {
    return backends.openIndex(dataDir());
  }

  /**
   * Takes the data folder's writer lock, waiting up to {@code wait}; {@code onWait} hears once why
   * it waits.
   */
  public WriterLock lock(Duration wait, Consumer<String> onWait)
      throws ConfigException, WriterLock.LockedException, InterruptedException {
    return WriterLock.acquire(dataDir(), wait, onWait);
  }

  public Clock clock() {
    return clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public Map<String, String> env() {
    return env;
  }
}
