package org.veille.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The {@code settings} block of {@code feeds.yaml}, with every default filled in. {@code dataDir}
 * is already resolved against the folder of the config file; {@code territories} is null when the
 * shipped gazetteer is used.
 */
public record Settings(
    Path dataDir,
    ZoneId timezone,
    String userAgent,
    Fetch fetch,
    Schedule schedule,
    Newsletter newsletter,
    Smtp smtp,
    Backup backup,
    Path territories,
    FullText fulltext) {

  public Settings {
    fulltext = fulltext == null ? FullText.defaults() : fulltext;
  }

  /** Settings with the default full-text limits. */
  public Settings(
      Path dataDir,
      ZoneId timezone,
      String userAgent,
      Fetch fetch,
      Schedule schedule,
      Newsletter newsletter,
      Smtp smtp,
      Backup backup,
      Path territories) {
    this(
        dataDir,
        timezone,
        userAgent,
        fetch,
        schedule,
        newsletter,
        smtp,
        backup,
        territories,
        FullText.defaults());
  }

  /**
   * The gazetteer file that replaces the shipped one ({@code settings.territories}, resolved
   * against the folder of the config file), if any.
   */
  public Optional<Path> territoriesFile() {
    return Optional.ofNullable(territories);
  }

  /** The same settings with another newsletter (an audience's letter). */
  public Settings withNewsletter(Newsletter n) {
    return new Settings(
        dataDir, timezone, userAgent, fetch, schedule, n, smtp, backup, territories, fulltext);
  }

  public static final String DEFAULT_USER_AGENT =
      "Veille/1.0 (+https://github.com/veille/veille; innovation watch)";

  /**
   * How sources are fetched. {@code retries} is the number of extra tries after a failed one;
   * {@code retryBackoff} the first wait, doubled at each try; {@code maxRetryWait} caps both that
   * wait and a server's {@code Retry-After}.
   */
  public record Fetch(
      Duration timeout,
      long maxBytes,
      int concurrency,
      Duration perHostDelay,
      boolean respectRobots,
      int retries,
      Duration retryBackoff,
      Duration maxRetryWait) {

    public static Fetch defaults() {
      return new Fetch(
          Duration.ofSeconds(20),
          10L * 1024 * 1024,
          16,
          Duration.ofSeconds(1),
          true,
          2,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30));
    }
  }

  /**
   * {@code settings.fulltext}: at most {@code maxPerSource} article pages fetched per source and
   * run, and the word count under which a summary without content counts as a teaser.
   */
  public record FullText(int maxPerSource, int minWords) {
    public static FullText defaults() {
      return new FullText(20, 40);
    }
  }

  /**
   * Backups the daemon takes: on {@code schedule} (a Quartz cron expression; none when null), into
   * {@code dir} (null: {@code DATA_DIR/backups}), keeping the {@code keep} newest.
   */
  public record Backup(String schedule, int keep, Path dir) {
    public static Backup defaults() {
      return new Backup(null, 8, null);
    }

    public Optional<String> cron() {
      return Optional.ofNullable(schedule);
    }

    /** Where the backups go, for a store in {@code dataDir}. */
    public Path folder(Path dataDir) {
      return dir == null ? dataDir.resolve("backups") : dir;
    }
  }

  /** Quartz cron expressions for {@code veille daemon}. */
  public record Schedule(String crawl, String newsletter) {
    public static Schedule defaults() {
      return new Schedule("0 0 6-20/2 * * ?", "0 0 8 ? * MON");
    }
  }

  /**
   * The weekly newsletter: labels, sender, recipients and size. {@code maxPerTopic} 0 means no cap
   * per topic; {@code editor} and {@code archiveUrl} may be null.
   */
  public record Newsletter(
      String title,
      String locale,
      String from,
      List<String> recipients,
      String editor,
      int maxItems,
      int maxPerTopic,
      String archiveUrl) {

    public Newsletter {
      recipients = List.copyOf(recipients);
    }

    public Optional<String> editorAddress() {
      return Optional.ofNullable(editor);
    }

    /** Where the digests folder is published (an intranet, say), for links in the RSS archive. */
    public Optional<String> archive() {
      return Optional.ofNullable(archiveUrl);
    }

    public static Newsletter defaults() {
      return new Newsletter(
          "Veille innovation publique",
          "fr",
          "Veille <veille@localhost>",
          List.of(),
          null,
          40,
          0,
          null);
    }
  }

  /**
   * The SMTP relay. {@code username} absent means no authentication; the password is read from the
   * environment variable named by {@code passwordEnv}, never from the file.
   */
  public record Smtp(
      String host, int port, boolean starttls, boolean ssl, String username, String passwordEnv) {

    public Optional<String> user() {
      return Optional.ofNullable(username);
    }

    public static Smtp defaults() {
      return new Smtp("localhost", 587, true, false, null, "VEILLE_SMTP_PASSWORD");
    }
  }
}
