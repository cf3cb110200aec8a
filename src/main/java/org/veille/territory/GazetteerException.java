package org.veille.territory;

/**
 * A gazetteer file that cannot be read: the message reads {@code FILE:LINE: problem}; {@link
 * #line()} is 0 when the problem has no line (a missing file).
 */
public final class GazetteerException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  GazetteerException(String file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
