package org.veille.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The {@code settings} block of {@code feeds.yaml}, with every default filled in. {@code dataDir}
 * is already resolved against the folder of the config file.
 */
public record Settings(
    Path dataDir,
    ZoneId timezone,
    String userAgent,
    Fetch fetch,
    Schedule schedule,
    Newsletter newsletter,
    Smtp smtp) {

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
