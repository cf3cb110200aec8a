package org.veille.calls;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form the rules read: lower case, accents removed, typographic apostrophes and dashes made
 * plain, non-breaking spaces made spaces. "DATE LIMITE : 15 FÉVRIER" and "date limite : 15 fevrier"
 * read the same.
 */
final class Folding {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Folding() {}

  /** The folded form of each character up to U+024F (Latin-1 and Latin Extended), alone. */
  private static final String[] LATIN = new String[0x250];

  static {
    for (char c = 0; c < LATIN.length; c++) {
      LATIN[c] = slow(String.valueOf(c));
    }
  }

  static String fold(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    // A text of Latin letters folds character by character: their decompositions are a letter
    // and marks (which go), so the text's NFD is that of its characters one after the other.
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= LATIN.length) {
        return slow(s);
      }
      b.append(LATIN[c]);
    }
    return b.toString();
  }

  private static String slow(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\u2019', '\u2018', '\u02BC', '\u00B4', '`' -> b.append('\'');
        case '\u00A0', '\u202F', '\u2007', '\u2009', '\t', '\r' -> b.append(' ');
        case '\u2013', '\u2014', '\u2212' -> b.append('-');
        case '\u0153', '\u0152' -> b.append("oe");
        case '\u00E6', '\u00C6' -> b.append("ae");
        case '\u00AB', '\u00BB', '\u201C', '\u201D' -> b.append('"');
        default -> b.append(c);
      }
    }
    String decomposed = Normalizer.normalize(b, Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
