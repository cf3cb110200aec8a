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

  /**
   * The folded form of each character of the Basic Multilingual Plane, alone, filled as met. A text
   * folds character by character: NFD decomposes each character by itself, the marks go wherever
   * they stand, and lower-casing is contextual only for a capital sigma, for which (and for
   * surrogates) the whole text takes the slow path.
   */
  private static final String[] ALONE = new String[0x10000];

  static {
    for (char c = 0; c < 0x250; c++) {
      ALONE[c] = slow(String.valueOf(c));
    }
  }

  static String fold(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u03A3' || Character.isSurrogate(c)) {
        return slow(s);
      }
      String f = ALONE[c];
      if (f == null) {
        f = slow(String.valueOf(c));
        ALONE[c] = f; // a benign race: every thread computes the same string
      }
      if (f.length() == 1) {
        b.append(f.charAt(0));
      } else {
        b.append(f);
      }
    }
    return b.toString();
  }

  /** The fold of the whole text at once: what {@link #fold} must give (tests compare them). */
  static String reference(String s) {
    return s == null || s.isEmpty() ? "" : slow(s);
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
