package org.veille.config;

import java.util.Optional;

/**
 * The checks of feeds.yaml that belong to other stages: a cron expression is the scheduler's to
 * judge, an address the mailer's, a CSS selector the page parser's, a topic query the index's, a
 * gazetteer file (given by its absolute path) the territory tagger's. Each says what is wrong with
 * a value, or nothing; the loader puts the file, line and field in front of it.
 */
public record Checks(
    Check cron, Check address, Check selector, Check topicQuery, Check territories) {

  /** One check: the problem with {@code value}, in words for the user, or empty when it is fine. */
  @FunctionalInterface
  public interface Check {
    Optional<String> problem(String value);

    Check NONE = value -> Optional.empty();
  }

  /** Only the structure of the file is checked: for tools that read a config they did not write. */
  public static final Checks NONE =
      new Checks(Check.NONE, Check.NONE, Check.NONE, Check.NONE, Check.NONE);
}
