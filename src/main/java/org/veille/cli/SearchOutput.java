package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.veille.app.Search;
import org.veille.app.Search.Row;
import org.veille.digest.Markdown;
import org.veille.index.SearchResult;
import org.veille.index.SnippetHtml;
import org.veille.store.StoredItem;

/**
 * What {@code veille search} prints of its results, in its four formats: a table for the terminal
 * (matches in bold, cut to the width), JSON, CSV (plain or for Excel) and Markdown; facets after
 * the hits when asked.
 */
final class SearchOutput {
  /** Below this width, a hit's title has a line of its own. */
  private static final int TWO_LINES_UNDER = 100;

  private final PrintWriter out;
  private final String query;
  private final Search.Results found;
  private final ZoneId zone;
  private final boolean facets;

  /**
   * The results {@code found} for {@code query}, printed on {@code out} with times in {@code zone}.
   */
  SearchOutput(PrintWriter out, String query, Search.Results found, ZoneId zone, boolean facets) {
    this.out = out;
    this.query = query;
    this.found = found;
    this.zone = zone;
    this.facets = facets;
  }

  void json() throws IOException {
    SearchResult r = found.result();
    try (Json json = new Json(out)) {
      JsonGenerator g = json.gen();
      g.writeStartObject();
      g.writeStringField("query", query);
      g.writeNumberField("total", r.total());
      g.writeArrayFieldStart("hits");
      for (Row row : found.rows()) {
        StoredItem i = row.item();
        g.writeStartObject();
        json.hitFields(i);
        g.writeStringField("snippet", row.hit().snippet());
        g.writeNumberField("score", Math.round(row.hit().score() * 100) / 100.0);
        json.placeFields(i);
        json.callFields(i);
        json.clusterFields(i);
        if (!found.sentIn(i.id()).isEmpty()) {
          json.strings("sent_in", found.sentIn(i.id())); // only on items that went out
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      if (facets) {
        g.writeObjectFieldStart("facets");
        for (var dim : r.facets().entrySet()) {
          g.writeObjectFieldStart(dim.getKey());
          for (var v : dim.getValue().entrySet()) {
            g.writeNumberField(v.getKey(), v.getValue());
          }
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    out.println();
  }

  void csv(boolean excel) throws IOException {
    Csv dialect = Csv.of(excel, zone);
    CSVPrinter csv = dialect.printer(out, Csv.header("snippet", "score"));
    for (Row row : found.rows()) {
      StoredItem i = row.item();
      List<Object> cells = dialect.hitCells(i);
      cells.add(dialect.text(plain(row.hit().snippet())));
      cells.add(dialect.decimal(row.hit().score()));
      csv.printRecord(cells);
    }
    csv.flush();
  }

  void markdown() {
    SearchResult r = found.result();
    out.printf(
        "%d %s for %s%n%n",
        r.total(),
        r.total() == 1 ? "result" : "results",
        Markdown.code(query.isBlank() ? "*" : query));
    for (Row row : found.rows()) {
      StoredItem i = row.item();
      out.printf(
          "- %s — %s, %s%n",
          Markdown.link(i.title(), i.url()),
          Markdown.escape(i.source()),
          Times.day(i.published(), zone));
      String snippet = row.hit().snippet();
      if (!snippet.isEmpty()) {
        String marked = plain(snippet.replace("<b>", "\u0001").replace("</b>", "\u0001"));
        out.printf("  %s%n", Markdown.escape(marked).replace("\u0001", "**"));
      }
    }
    facetsText(r);
  }

  /**
   * The hits for a terminal of the width {@code env} says, from hit {@code offset} on, sorted
   * {@code byDate} or by relevance; with {@code all}, no line for the other sources of a story.
   */
  void table(Map<String, String> env, int offset, boolean byDate, boolean all) {
    SearchResult r = found.result();
    List<Row> rows = found.rows();
    if (r.total() == 0) {
      out.printf("No results for %s.%n", query.isBlank() ? "this search" : "\"" + query + "\"");
      facetsText(r);
      return;
    }
    boolean color = System.console() != null && env.get("NO_COLOR") == null;
    int width = Math.min(Table.width(env), color ? Table.UNLIMITED : 160);
    int first = offset + 1;
    out.printf(
        "%d %s for %s (%d–%d, by %s)%n%n",
        r.total(),
        r.total() == 1 ? "result" : "results",
        query.isBlank() ? "everything" : "\"" + query + "\"",
        first,
        offset + rows.size(),
        byDate ? "date" : "relevance");
    int sourceWidth = rows.stream().mapToInt(x -> x.item().source().length()).max().orElse(6);
    boolean twoLines = width < TWO_LINES_UNDER;
    String indent = twoLines ? "    " : " ".repeat(12);
    for (Row row : rows) {
      StoredItem i = row.item();
      String topicsText = i.topics().isEmpty() ? "" : "[" + String.join(", ", i.topics()) + "]";
      String bold = color ? "\u001b[1m" : "";
      String plain = color ? "\u001b[0m" : "";
      if (twoLines) {
        // Title first, on a line of its own; then date, id, source and topics.
        out.println(bold + fit(i.title(), width) + plain);
        String meta = Times.day(i.published(), zone) + "  " + i.id() + "  " + i.source();
        out.println(
            indent
                + meta
                + (topicsText.isEmpty()
                    ? ""
                    : "  " + fit(topicsText, width - indent.length() - meta.length() - 2)));
      } else {
        String head =
            Times.day(i.published(), zone)
                + "  "
                + i.id()
                + "  "
                + pad(i.source(), sourceWidth)
                + "  ";
        // The title gets the room first; topics keep at most a third of it, cut if they must.
        int room = width - head.length();
        int reserved = topicsText.isEmpty() ? 0 : Math.min(topicsText.length() + 2, room / 3);
        String title = fit(i.title(), Math.max(20, room - reserved));
        int left = room - title.length() - 2;
        String topics = topicsText.isEmpty() || left < 6 ? "" : "  " + fit(topicsText, left);
        out.println(head + bold + title + plain + topics);
      }
      String snippet = row.hit().snippet();
      if (!snippet.isEmpty()) {
        out.println(indent + highlight(snippet, width - indent.length(), color));
      }
      if (i.url() != null) {
        out.println(indent + i.url());
      }
      if (!all && !i.alsoIn().isEmpty()) {
        int n = i.alsoIn().size();
        out.println(
            indent
                + "+"
                + n
                + (n == 1 ? " source: " : " sources: ")
                + String.join(", ", i.alsoIn()));
      }
      if (!found.sentIn(i.id()).isEmpty()) {
        out.println(" ".repeat(12) + "sent in " + String.join(", ", found.sentIn(i.id())));
      }
      out.println();
    }
    facetsText(r);
  }

  private void facetsText(SearchResult r) {
    if (!facets) {
      return;
    }
    out.println();
    for (var dim : r.facets().entrySet()) {
      List<String> parts = new ArrayList<>();
      dim.getValue().forEach((k, v) -> parts.add(k + " (" + v + ")"));
      out.printf("By %s: %s%n", dim.getKey(), parts.isEmpty() ? "-" : String.join(", ", parts));
    }
    out.println(
        "(An article carried by several sources counts under each, so the sources may add up to"
            + " more than the total.)");
  }

  /**
   * The snippet for a terminal: matches in bold (or in plain text when not a terminal), cut to
   * width.
   */
  private static String highlight(String html, int width, boolean color) {
    String marked = SnippetHtml.unescape(html.replace("<b>", "\u0001").replace("</b>", "\u0002"));
    String text = fitVisible(marked, width);
    return color
        ? text.replace("\u0001", "\u001b[1;33m").replace("\u0002", "\u001b[0m") + "\u001b[0m"
        : text.replace("\u0001", "").replace("\u0002", "");
  }

  /** {@code s} cut to {@code width} visible characters, the match marks \u0001 and \u0002 aside. */
  private static String fitVisible(String s, int width) {
    int visible = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\u0001' && c != '\u0002' && ++visible > width - 1 && hasVisibleAfter(s, i)) {
        return s.substring(0, i) + "…";
      }
    }
    return s;
  }

  private static boolean hasVisibleAfter(String s, int i) {
    for (int j = i + 1; j < s.length(); j++) {
      if (s.charAt(j) != '\u0001' && s.charAt(j) != '\u0002') {
        return true;
      }
    }
    return false;
  }

  private static String plain(String snippetHtml) {
    return SnippetHtml.text(snippetHtml);
  }

  private static String fit(String s, int width) {
    return s.length() <= width ? s : s.substring(0, Math.max(1, width - 1)) + "…";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
