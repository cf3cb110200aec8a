package org.veille.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * The width to fit: $COLUMNS, else 120 on a terminal; unlimited when output goes to a file or a
   * pipe, so that logs keep every word of an error.
   */
  static int width() {
    String columns = System.getenv("COLUMNS");
    if (columns == null) {
      return System.console() == null ? Integer.MAX_VALUE / 2 : 120;
    }
    try {
      return Math.max(60, Integer.parseInt(columns.trim()));
    } catch (NumberFormatException e) {
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
