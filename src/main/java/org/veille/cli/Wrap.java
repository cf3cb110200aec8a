package org.veille.cli;

/** Word wrapping for plain-text output. */
final class Wrap {
  private Wrap() {}

  /** {@code text} wrapped at {@code width} columns on spaces; words longer than a line stay whole. */
  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    int col = 0;
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (col > 0 && col + 1 + word.length() > width) {
        out.append('\n');
        col = 0;
      } else if (col > 0) {
        out.append(' ');
        col++;
      }
      out.append(word);
      col += word.length();
    }
    return out.toString();
  }
}
