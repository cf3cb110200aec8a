package org.veille.config;

import java.nio.file.Path;

/**
 * A problem in the configuration file. The message reads {@code FILE:LINE: FIELD: problem} so that
 * editors and terminals can jump to it; {@link #line()} is 0 when the problem has no position (a
 * missing file, for instance).
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String field;

  public ConfigException(Path file, int line, String field, String problem) {
    super(format(file, line, field, problem));
    this.file = file;
    this.line = line;
    this.field = field;
  }

  private static String format(Path file, int line, String field, String problem) {
    StringBuilder sb = new StringBuilder(String.valueOf(file));
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (field != null && !field.isEmpty()) {
      sb.append(field).append(": ");
    }
    return sb.append(problem).toString();
  }

  public Path file() {
    return file;
  }

  /** 1-based line of the problem, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** Dotted path of the offending field, e.g. {@code sources[3].url}; may be empty. */
  public String field() {
    return field;
  }
}
