package org.veille.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as feeds.yaml and the command line write them: {@code 500ms}, {@code 30m}, {@code 1d}.
 */
public final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|min|m|h|d)");

  private Durations() {}

  /**
   * Parses {@code 500ms}, {@code 20s}, {@code 5m} (or {@code 5min}), {@code 2h}, {@code 1d}.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Duration parse(String text) {
    Matcher d = DURATION.matcher(text.trim());
    if (!d.matches()) {
      throw new IllegalArgumentException(
          "bad duration '" + text + "' (use e.g. 500ms, 20s, 5m, 2h, 1d)");
    }
    long n = Long.parseLong(d.group(1));
    return switch (d.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m", "min" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** {@code d} as a person says it: "5 s", "30 min", "2 h 30 min". */
  public static String words(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    long h = s / 3600;
    long min = (s % 3600) / 60;
    return h == 0 ? min + " min" : min == 0 ? h + " h" : h + " h " + min + " min";
  }
}
