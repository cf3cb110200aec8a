package org.veille.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the {@code settings} section of feeds.yaml into {@link Settings}, checking every field. */
final class SettingsLoader {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

  private final Path file;
  private final Checks checks;
  private Audience main;

  SettingsLoader(Path file, Checks checks) {
    this.file = file;
    this.checks = checks;
  }

  /**
   * The audience {@code settings.newsletter} stands for, as read by the last {@link #settings}
   * call.
   */
  Audience mainAudience() {
    return main;
  }

  Settings settings(Optional<YamlMap> node) throws ConfigException {
    Path base = file.toAbsolutePath().getParent();
    if (node.isEmpty()) {
      main = Audience.main(Settings.Newsletter.defaults());
      return new Settings(
          base.resolve("data"),
          ZoneId.of("Europe/Paris"),
          Settings.DEFAULT_USER_AGENT,
          Settings.Fetch.defaults(),
          Settings.Schedule.defaults(),
          Settings.Newsletter.defaults(),
          Settings.Smtp.defaults(),
          Settings.Backup.defaults(),
          null);
    }
    YamlMap m = node.get();
    Path dataDir = base.resolve(m.string("data_dir").orElse("data"));
    ZoneId zone = ZoneId.of("Europe/Paris");
    Optional<String> tz = m.string("timezone");
    if (tz.isPresent()) {
      try {
        zone = ZoneId.of(tz.get());
      } catch (DateTimeException e) {
        throw m.error("timezone", "unknown time zone '" + tz.get() + "' (e.g. Europe/Paris)");
      }
    }
    String ua = m.string("user_agent").orElse(Settings.DEFAULT_USER_AGENT);
    if (ua.isBlank() || ua.contains("\n") || ua.contains("\r")) {
      throw m.error("user_agent", "must be one non-empty line");
    }
    Settings s =
        new Settings(
            dataDir,
            zone,
            ua,
            fetch(m.map("fetch")),
            schedule(m.map("schedule")),
            newsletter(m.map("newsletter")),
            smtp(m.map("smtp")),
            backup(m.map("backup"), base),
            territories(m, base),
            fulltext(m.map("fulltext")));
    m.rejectUnknown();
    return s;
  }

  /**
   * {@code territories}: a gazetteer file, read and checked now so that its errors show at load.
   */
  private Path territories(YamlMap m, Path base) throws ConfigException {
    Optional<String> value = m.string("territories");
    if (value.isEmpty()) {
      return null;
    }
    if (value.get().isBlank()) {
      throw m.error("territories", "expected the path of a gazetteer file");
    }
    Path file = base.resolve(value.get()).normalize();
    Optional<String> problem = checks.territories().problem(file.toString());
    if (problem.isPresent()) {
      throw m.error("territories", problem.get());
    }
    return file;
  }

  private Settings.Fetch fetch(Optional<YamlMap> node) throws ConfigException {
    Settings.Fetch d = Settings.Fetch.defaults();
    if (node.isEmpty()) {
      return d;
    }
    YamlMap m = node.get();
    Settings.Fetch f =
        new Settings.Fetch(
            duration(m, "timeout").orElse(d.timeout()),
            size(m, "max_bytes").orElse(d.maxBytes()),
            m.integer("concurrency", 1, 256).orElse(d.concurrency()),
            duration(m, "per_host_delay").orElse(d.perHostDelay()),
            m.bool("respect_robots").orElse(d.respectRobots()),
            m.integer("retries", 0, 10).orElse(d.retries()),
            duration(m, "retry_backoff").orElse(d.retryBackoff()),
            duration(m, "max_retry_wait").orElse(d.maxRetryWait()));
    if (f.timeout().isZero()) {
      throw m.error("timeout", "must be more than 0s");
    }
    if (f.maxBytes() <= 0) {
      throw m.error("max_bytes", "must be more than 0");
    }
    m.rejectUnknown();
    return f;
  }

  private static Settings.FullText fulltext(Optional<YamlMap> node) throws ConfigException {
    Settings.FullText d = Settings.FullText.defaults();
    if (node.isEmpty()) {
      return d;
    }
    YamlMap m = node.get();
    Settings.FullText f =
        new Settings.FullText(
            m.integer("max_per_source", 0, 10_000).orElse(d.maxPerSource()),
            m.integer("min_words", 0, 10_000).orElse(d.minWords()));
    m.rejectUnknown();
    return f;
  }

  private Settings.Backup backup(Optional<YamlMap> node, Path base) throws ConfigException {
    Settings.Backup d = Settings.Backup.defaults();
    if (node.isEmpty()) {
      return d;
    }
    YamlMap m = node.get();
    Settings.Backup b =
        new Settings.Backup(
            cron(m, "schedule").orElse(null),
            m.integer("keep", 1, 1000).orElse(d.keep()),
            m.string("dir").map(base::resolve).orElse(null));
    m.rejectUnknown();
    return b;
  }

  private Settings.Schedule schedule(Optional<YamlMap> node) throws ConfigException {
    Settings.Schedule d = Settings.Schedule.defaults();
    if (node.isEmpty()) {
      return d;
    }
    YamlMap m = node.get();
    Settings.Schedule s =
        new Settings.Schedule(
            cron(m, "crawl").orElse(d.crawl()), cron(m, "newsletter").orElse(d.newsletter()));
    m.rejectUnknown();
    return s;
  }

  private Optional<String> cron(YamlMap m, String key) throws ConfigException {
    Optional<String> expr = m.string(key);
    if (expr.isPresent()) {
      Optional<String> problem = checks.cron().problem(expr.get());
      if (problem.isPresent()) {
        throw m.error(key, problem.get());
      }
    }
    return expr;
  }

  private Settings.Newsletter newsletter(Optional<YamlMap> node) throws ConfigException {
    Settings.Newsletter d = Settings.Newsletter.defaults();
    if (node.isEmpty()) {
      main = Audience.main(d);
      return d;
    }
    YamlMap m = node.get();
    String locale = m.string("locale").orElse(d.locale());
    if (!locale.equals("fr") && !locale.equals("en")) {
      throw m.error("locale", "must be fr or en (got '" + locale + "')");
    }
    String from = m.string("from").orElse(d.from());
    checkAddress(m, "from", from);
    List<String> recipients = m.strings("recipients");
    for (int i = 0; i < recipients.size(); i++) {
      checkAddress(m, "recipients[" + i + "]", recipients.get(i));
    }
    Optional<String> editor = m.string("editor");
    if (editor.isPresent()) {
      checkAddress(m, "editor", editor.get());
    }
    Settings.Newsletter n =
        new Settings.Newsletter(
            m.string("title").orElse(d.title()),
            locale,
            from,
            recipients,
            editor.orElse(null),
            m.integer("max_items", 1, 1000).orElse(d.maxItems()),
            m.integer("max_per_topic", 0, 1000).orElse(d.maxPerTopic()),
            archiveUrl(m));
    main = new NewsletterLoader(file, checks).audience(m, Audience.MAIN, n, false);
    m.rejectUnknown();
    return main.letter();
  }

  private static String archiveUrl(YamlMap m) throws ConfigException {
    Optional<String> url = m.string("archive_url");
    if (url.isEmpty()) {
      return null;
    }
    String u = url.get().endsWith("/") ? url.get() : url.get() + "/";
    ConfigLoader.url(m, "archive_url", u);
    return u;
  }

  /** Checks an address as the mailer will read it. */
  private void checkAddress(YamlMap m, String key, String value) throws ConfigException {
    Optional<String> problem = checks.address().problem(value);
    if (problem.isPresent()) {
      throw m.error(key, problem.get());
    }
  }

  private Settings.Smtp smtp(Optional<YamlMap> node) throws ConfigException {
    Settings.Smtp d = Settings.Smtp.defaults();
    if (node.isEmpty()) {
      return d;
    }
    YamlMap m = node.get();
    boolean ssl = m.bool("ssl").orElse(false);
    Settings.Smtp s =
        new Settings.Smtp(
            m.string("host").orElse(d.host()),
            m.integer("port", 1, 65535).orElse(ssl ? 465 : d.port()),
            m.bool("starttls").orElse(!ssl),
            ssl,
            m.string("username").orElse(null),
            m.string("password_env").orElse(d.passwordEnv()));
    if (m.string("password").isPresent()) {
      throw m.error(
          "password",
          "secrets do not belong in feeds.yaml; set password_env to the name of an environment variable");
    }
    m.rejectUnknown();
    return s;
  }

  private static Optional<Duration> duration(YamlMap m, String key) throws ConfigException {
    Optional<String> text = m.string(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Durations.parse(text.get()));
    } catch (IllegalArgumentException e) {
      throw m.error(key, e.getMessage());
    }
  }

  private static Optional<Long> size(YamlMap m, String key) throws ConfigException {
    Optional<String> text = m.string(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Matcher s = SIZE.matcher(text.get().trim());
    if (!s.matches()) {
      throw m.error(key, "bad size '" + text.get() + "' (use e.g. 500KB, 10MB)");
    }
    long n = Long.parseLong(s.group(1));
    String unit = s.group(2) == null ? "B" : s.group(2).toUpperCase(Locale.ROOT);
    long factor =
        switch (unit) {
          case "KB" -> 1024L;
          case "MB" -> 1024L * 1024;
          case "GB" -> 1024L * 1024 * 1024;
          default -> 1L;
        };
    return Optional.of(n * factor);
  }
}
