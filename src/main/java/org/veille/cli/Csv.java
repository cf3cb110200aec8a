package org.veille.cli;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.veille.store.StoredItem;

/**
 * CSV output: the columns a search hit and a full item share. Plain CSV is RFC 4180 (comma, CRLF, a
 * header row, UTC ISO-8601 dates). {@link #excel} is what a French spreadsheet opens as it is: a
 * UTF-8 byte-order mark, {@code ;} separators, CRLF, local dates {@code 2026-11-20 09:30:00},
 * decimal commas, cells cut to Excel's 32,767 characters, and a text that would start a formula
 * ({@code = + - @}) quoted with an apostrophe so that a feed cannot run one.
 */
final class Csv {
  /** The columns of a search hit, in the contract's order. */
  static final List<String> HIT_HEADER =
      List.of("id", "title", "url", "source", "sources", "published", "lang", "topics");

  /** Excel's limit on one cell. */
  static final int EXCEL_CELL_MAX = 32_767;

  private static final DateTimeFormatter EXCEL_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private final boolean excel;
  private final ZoneId zone;

  private Csv(boolean excel, ZoneId zone) {
    this.excel = excel;
    this.zone = zone;
  }

  /** RFC 4180. */
  static Csv plain() {
    return new Csv(false, java.time.ZoneOffset.UTC);
  }

  /** For Excel and other spreadsheets in a French locale, dates in {@code zone}. */
  static Csv excel(ZoneId zone) {
    return new Csv(true, zone);
  }

  /** Plain or Excel as asked. */
  static Csv of(boolean excel, ZoneId zone) {
    return excel ? excel(zone) : plain();
  }

  /** A printer writing the header row (and, for Excel, the byte-order mark first). */
  CSVPrinter printer(Appendable out, List<String> header) throws IOException {
    if (excel) {
      out.append('\uFEFF');
    }
    CSVFormat.Builder format = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n");
    if (excel) {
      format.setDelimiter(';');
    }
    return new CSVPrinter(out, format.setHeader(header.toArray(String[]::new)).get());
  }

  /** The cells of {@link #HIT_HEADER} for an item; lists are space-separated. */
  List<Object> hitCells(StoredItem i) {
    List<Object> cells = new ArrayList<>();
    cells.add(i.id());
    cells.add(text(i.title()));
    cells.add(i.url());
    cells.add(i.source());
    cells.add(String.join(" ", i.sources()));
    cells.add(date(i.published()));
    cells.add(i.lang());
    cells.add(String.join(" ", i.topics()));
    return cells;
  }

  /** A date: UTC ISO-8601, or for Excel a local date and time it recognises; null stays empty. */
  String date(Instant t) {
    if (t == null) {
      return null;
    }
    return excel ? EXCEL_DATE.format(t.atZone(zone)) : Times.iso(t);
  }

  /** A decimal with two places: {@code 7.31}, or {@code 7,31} for Excel. */
  String decimal(double d) {
    String s = String.format(Locale.ROOT, "%.2f", d);
    return excel ? s.replace('.', ',') : s;
  }

  /** Text from a feed: for Excel, cut to a cell's size and kept from being read as a formula. */
  String text(String s) {
    if (!excel || s == null || s.isEmpty()) {
      return s;
    }
    String t = s.length() > EXCEL_CELL_MAX ? s.substring(0, EXCEL_CELL_MAX - 1) + "…" : s;
    char c = t.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + t.substring(0, Math.min(t.length(), EXCEL_CELL_MAX - 1))
        : t;
  }

  /** A header of the hit columns followed by {@code more}. */
  static List<String> header(String... more) {
    List<String> h = new ArrayList<>(HIT_HEADER);
    h.addAll(List.of(more));
    return h;
  }
}
