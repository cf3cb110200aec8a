package org.veille.enrich;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.veille.parse.ArticleExtractor;
import org.veille.parse.ParsedItem;

/**
 * Tells a teaser from an item whose feed gives the text: no content and a summary under {@code
 * min_words} words, or a summary (or a short content) that ends in an ellipsis, "[…]", "Lire la
 * suite", "Read more", "Continue reading" and the like. Each decision carries its reason, in the
 * words {@code show} prints.
 */
public final class TeaserRule {
  /** A content this long is the article even when it ends in "…" (a closing "Lire la suite"). */
  static final int FULL_CONTENT_WORDS = 150;

  private static final Pattern ENDING =
      Pattern.compile(
          "(\\[\\s*(?:…|\\.\\.\\.)\\s*]|\\(\\s*(?:…|\\.\\.\\.)\\s*\\)|…|\\.\\.\\."
              + "|lire la suite(?: de l['’]article)?|lire l['’]article|voir l['’]article"
              + "|en savoir plus|read more|continue reading|read the full (?:article|story)"
              + "|keep reading|appeared first on [^.]{1,80})"
              + "[\\s»›→>.:!\\]\\)]*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final int minWords;

  public TeaserRule(int minWords) {
    this.minWords = minWords;
  }

  /** Whether to fetch the article of {@code item}, and why. */
  public record Decision(boolean teaser, String reason) {}

  public Decision judge(ParsedItem item) {
    String content = item.contentText();
    if (!content.isBlank()) {
      int words = ArticleExtractor.words(content);
      String end = ending(content);
      if (end != null && words < FULL_CONTENT_WORDS) {
        return new Decision(true, "teaser: content of " + words + " words ends with “" + end + "”");
      }
      return new Decision(false, "the feed gives " + words + " words of content");
    }
    String summary = item.summary();
    int words = ArticleExtractor.words(summary);
    String end = ending(summary);
    if (end != null) {
      return new Decision(true, "teaser: summary ends with “" + end + "”");
    }
    if (words < minWords) {
      return new Decision(
          true,
          "teaser: no content and a summary of "
              + words
              + (words == 1 ? " word" : " words")
              + " (under min_words "
              + minWords
              + ")");
    }
    return new Decision(false, "no content, but a summary of " + words + " words");
  }

  /**
   * A word or mark that each alternative of {@link #ENDING} holds (an ending added there needs its
   * clue here): a tail without any of them ends none, and the expression is not run on it.
   */
  private static final java.util.List<String> CLUES =
      java.util.List.of(
          "…", "...", "suite", "article", "plus", "more", "reading", "story", "first on");

  private static boolean mayEnd(String tail) {
    String lower = tail.toLowerCase(java.util.Locale.ROOT);
    for (String c : CLUES) {
      if (lower.contains(c)) {
        return true;
      }
    }
    return false;
  }

  /** The teaser ending of {@code text}, as written, or null. */
  static String ending(String text) {
    // The last 200 characters of the stripped text, without copying a long text to strip it.
    int last = text.length();
    while (last > 0 && Character.isWhitespace(text.charAt(last - 1))) {
      last--;
    }
    int first = 0;
    while (first < last && Character.isWhitespace(text.charAt(first))) {
      first++;
    }
    if (first == last) {
      return null;
    }
    String tail = text.substring(Math.max(first, last - 200), last);
    if (!mayEnd(tail)) {
      return null;
    }
    Matcher m = ENDING.matcher(tail);
    if (!m.find()) {
      return null;
    }
    String end = m.group(1).strip();
    return end.length() > 40 ? end.substring(0, 40) + "…" : end;
  }
}
