package org.veille.territory;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Words of a text, folded for matching: lower case, accents removed ({@code Haÿ} → {@code hay},
 * {@code Œ} → {@code oe}), hyphens, apostrophes and punctuation as separators, {@code St}/{@code
 * Ste} read as {@code saint}/{@code sainte}. Each word keeps its offsets in the text and whether it
 * was written with a capital. A part boundary (between title and text) is a word that matches
 * nothing, so that no name spans two parts.
 */
final class Tokens {
  static final String BOUNDARY = "\u0001";
  private static final String[] FOLD = foldTable();

  final String text;
  String[] words = new String[64];
  int[] starts = new int[64];
  int[] ends = new int[64];
  boolean[] capital = new boolean[64];
  int size;

  private Tokens(String text) {
    this.text = text;
  }

  /** The words of the parts, in order, with a boundary between two parts. */
  static Tokens of(String... parts) {
    StringBuilder all = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isEmpty()) {
        if (all.length() > 0) {
          all.append('\n');
        }
        all.append(p);
      }
    }
    Tokens t = new Tokens(all.toString());
    t.scan();
    return t;
  }

  /** The folded words of a name as the gazetteer writes it, and which of them are capitalised. */
  static Tokens ofName(String name) {
    Tokens t = new Tokens(name);
    t.scan();
    return t;
  }

  private void scan() {
    String s = text;
    int n = s.length();
    StringBuilder w = new StringBuilder(24);
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\n') {
        add(BOUNDARY, i, i + 1, false);
        i++;
        continue;
      }
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      w.setLength(0);
      while (i < n) {
        char d = s.charAt(i);
        if (Character.isLetterOrDigit(d)) {
          w.append(d < FOLD.length ? FOLD[d] : String.valueOf(Character.toLowerCase(d)));
          i++;
        } else if (Character.isHighSurrogate(d)
            || Character.getType(d) == Character.NON_SPACING_MARK) {
          i++; // combining accents (decomposed text) and astral characters are dropped
        } else {
          break;
        }
      }
      String word = w.toString();
      if (word.equals("st")) {
        word = "saint";
      } else if (word.equals("ste")) {
        word = "sainte";
      }
      add(word, start, i, Character.isUpperCase(c));
    }
  }

  private void add(String word, int start, int end, boolean cap) {
    if (size == words.length) {
      int m = size * 2;
      words = Arrays.copyOf(words, m);
      starts = Arrays.copyOf(starts, m);
      ends = Arrays.copyOf(ends, m);
      capital = Arrays.copyOf(capital, m);
    }
    words[size] = word;
    starts[size] = start;
    ends[size] = end;
    capital[size] = cap;
    size++;
  }

  /** The character just before word {@code i} (spaces skipped), or 0. */
  char before(int i) {
    int p = starts[i] - 1;
    while (p >= 0 && text.charAt(p) == ' ') {
      p--;
    }
    return p < 0 ? 0 : text.charAt(p);
  }

  /** The character just after word {@code i} (spaces skipped), or 0. */
  char after(int i) {
    int p = ends[i];
    while (p < text.length() && text.charAt(p) == ' ') {
      p++;
    }
    return p >= text.length() ? 0 : text.charAt(p);
  }

  /** True when only {@code sep} (one character) separates word {@code i} from the next. */
  boolean joinedBy(int i, char sep) {
    return i + 1 < size && ends[i] + 1 == starts[i + 1] && text.charAt(ends[i]) == sep;
  }

  private static String[] foldTable() {
    String[] t = new String[0x250];
    for (char c = 0; c < t.length; c++) {
      String lower = String.valueOf(Character.toLowerCase(c));
      String base = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
      t[c] = base.isEmpty() ? lower : base;
    }
    t['œ'] = "oe";
    t['Œ'] = "oe";
    t['æ'] = "ae";
    t['Æ'] = "ae";
    t['ß'] = "ss";
    return t;
  }
}
