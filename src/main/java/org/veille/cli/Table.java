package org.veille.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** A plain-text table fitted to a width: the last column is cut to fit. */
final class Table {
  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    this.header = header;
  }

  void row(Object... cells) {
    String[] r = new String[header.length];
    for (int i = 0; i < header.length; i++) {
      r[i] = i < cells.length && cells[i] != null ? String.valueOf(cells[i]) : "";
    }
    rows.add(r);
  }

  /** The width when output goes to a file or a pipe: unlimited, so logs keep every word. */
  static final int UNLIMITED = Integer.MAX_VALUE / 2;

  private static volatile int terminalWidth;

  /** {@link #width(Map)} in the process environment. */
  static int width() {
    return width(System.getenv());
  }

  /**
   * The width to fit: {@code COLUMNS} when set (bash does not export it, so it is rarely there),
   * else the terminal's real width (asked once through JLine, 120 if it cannot tell); unlimited
   * when output goes to a file or a pipe, so that logs keep every word of an error.
   */
  static int width(Map<String, String> env) {
    String columns = env.get("COLUMNS");
    if (columns != null && !columns.isBlank()) {
      try {
        return Math.max(40, Integer.parseInt(columns.trim()));
      } catch (NumberFormatException e) {
        // fall through to the terminal
      }
    }
    if (System.console() == null) {
      return UNLIMITED;
    }
    if (terminalWidth == 0) {
      terminalWidth = terminalWidth();
    }
    return terminalWidth;
  }

  private static int terminalWidth() {
    try (Terminal t = TerminalBuilder.builder().system(true).dumb(true).build()) {
      int w = t.getWidth();
      return w >= 20 ? w : 120;
    } catch (IOException | RuntimeException e) {
      return 120;
    }
  }

  void print(PrintWriter out, int width) {
    int[] w = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      w[i] = header[i].length();
      for (String[] r : rows) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    int used = 0;
    for (int i = 0; i < header.length - 1; i++) {
      used += w[i] + 2;
    }
    int last = Math.max(10, width - used);
    line(out, header, w, last);
    for (String[] r : rows) {
      line(out, r, w, last);
    }
  }

  private static void line(PrintWriter out, String[] cells, int[] w, int last) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length - 1; i++) {
      sb.append(String.format("%-" + w[i] + "s  ", cells[i]));
    }
    String tail = cells[cells.length - 1];
    sb.append(tail.length() > last ? tail.substring(0, last - 1) + "…" : tail);
    out.println(sb.toString().stripTrailing());
  }
}
