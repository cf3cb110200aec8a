package org.veille.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.veille.store.StoredItem;

/** CSV output (RFC 4180 with a header row): the columns a search hit and a full item share. */
final class Csv {
  /** The columns of a search hit, in the contract's order. */
  static final List<String> HIT_HEADER =
      List.of("id", "title", "url", "source", "sources", "published", "lang", "topics");

  private Csv() {}

  static CSVPrinter printer(Appendable out, List<String> header) throws IOException {
    return new CSVPrinter(
        out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
  }

  /** The cells of {@link #HIT_HEADER} for an item; lists are space-separated. */
  static List<Object> hitCells(StoredItem i) {
    List<Object> cells = new ArrayList<>();
    cells.add(i.id());
    cells.add(i.title());
    cells.add(i.url());
    cells.add(i.source());
    cells.add(String.join(" ", i.sources()));
    cells.add(Times.iso(i.published()));
    cells.add(i.lang());
    cells.add(String.join(" ", i.topics()));
    return cells;
  }

  /** A header of the hit columns followed by {@code more}. */
  static List<String> header(String... more) {
    List<String> h = new ArrayList<>(HIT_HEADER);
    h.addAll(List.of(more));
    return h;
  }
}
