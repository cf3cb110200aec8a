package org.veille.parse;

import java.util.Locale;
import java.util.Set;

/**
 * Item language: a declared code reduced to two letters ({@code fr-FR} → {@code fr}), or a guess
 * between French and English from function words, which is reliable on a title and a summary.
 */
final class Languages {
  private static final Set<String> FRENCH =
      Set.of(
          "le",
          "la",
          "les",
          "des",
          "du",
          "de",
          "un",
          "une",
          "et",
          "est",
          "pour",
          "dans",
          "sur",
          "au",
          "aux",
          "avec",
          "par",
          "qui",
          "que",
          "ce",
          "cette",
          "ces",
          "son",
          "sa",
          "ses",
          "leur",
          "leurs",
          "plus",
          "pas",
          "ne",
          "en",
          "sont",
          "nous",
          "vous",
          "ils",
          "elle",
          "à",
          "été",
          "être",
          "d",
          "l",
          "qu",
          "où",
          "entre",
          "collectivités",
          "ville",
          "villes",
          "territoires",
          "projet",
          "projets");
  private static final Set<String> ENGLISH =
      Set.of(
          "the", "of", "and", "to", "in", "is", "for", "on", "with", "by", "that", "this", "these",
          "are", "was", "were", "be", "been", "from", "at", "as", "it", "its", "their", "they",
          "we", "you", "an", "or", "not", "has", "have", "how", "what", "which", "city", "cities",
          "new", "will", "can", "about", "into", "more");

  private Languages() {}

  /** Two-letter lower-case code of a declared language, or null when none is usable. */
  static String normalize(String declared) {
    if (declared == null) {
      return null;
    }
    String d = declared.trim().toLowerCase(Locale.ROOT);
    if (d.length() < 2 || !Character.isLetter(d.charAt(0)) || !Character.isLetter(d.charAt(1))) {
      return null;
    }
    if (d.length() > 2 && Character.isLetter(d.charAt(2))) {
      return null; // three-letter codes and words are not what the contract promises
    }
    return d.substring(0, 2);
  }

  /** "fr" or "en", whichever the function words of {@code text} point to; "fr" on a tie. */
  static String guess(String text) {
    int fr = 0;
    int en = 0;
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (FRENCH.contains(word)) {
        fr++;
      }
      if (ENGLISH.contains(word)) {
        en++;
      }
    }
    if (text.chars().anyMatch(c -> "éèêàùçœ".indexOf(c) >= 0)) {
      fr++;
    }
    return en > fr ? "en" : "fr";
  }

  /**
   * The language of an item: the item's declared language, else the feed's or page's, else the
   * source's configured one, else a guess from {@code text}.
   */
  static String choose(String item, String feed, String source, String text) {
    for (String declared : new String[] {item, feed, source}) {
      String code = normalize(declared);
      if (code != null) {
        return code;
      }
    }
    return guess(text);
  }
}
