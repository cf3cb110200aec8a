package org.veille.digest;

/** Word wrapping for plain text: the text newsletter, and {@code veille show}. */
public final class Wrapping {
  private Wrapping() {}

  /**
   * {@code text} wrapped to {@code width} columns, continuation lines starting with {@code indent};
   * a word longer than a line (a link, say) stays whole on its own line.
   */
  public static String wrap(String text, int width, String indent) {
    StringBuilder out = new StringBuilder();
    int col = 0;
    // French puts a space before : ; ! ? and inside « »: never start a line with them.
    String joined = text.replaceAll(" ([:;!?»])", "\u00a0$1").replaceAll("« ", "«\u00a0");
    for (String word : joined.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (col > 0 && col + 1 + word.length() > width) {
        out.append('\n').append(indent);
        col = 0;
      } else if (col > 0) {
        out.append(' ');
        col++;
      }
      out.append(word.replace('\u00a0', ' '));
      col += word.length();
    }
    return out.toString();
  }
}
