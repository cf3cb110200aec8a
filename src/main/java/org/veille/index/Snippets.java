package org.veille.index;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jsoup.nodes.Entities;

/**
 * Snippets of about {@value #LENGTH} characters around the matches, as HTML: matches in {@code
 * <b>…</b>}, the rest escaped. Texts come from the store, not from stored fields.
 */
final class Snippets {
  static final int LENGTH = 180;
  private final UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(Analyzers.PER_FIELD)
      .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
      .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
          BreakIterator.getWordInstance(Locale.ROOT), LENGTH, 0.5f))
      .withMaxLength(100_000)
      .build();

  String of(Query query, SnippetSource.Text source) {
    String field = Fields.text(source.lang());
    SnippetSource.Text text = new SnippetSource.Text(source.text().replaceAll("\\s+", " ").strip(), source.lang());
    try {
      Object h = highlighter.highlightWithoutSearcher(field, query, text.text(), 1);
      if (h != null && h.toString().contains("<b>")) {
        String s = h.toString().strip();
        String plain = unmarked(s);
        return (text.text().startsWith(plain) ? "" : "… ") + s + (text.text().endsWith(plain) ? "" : " …");
      }
    } catch (IOException | RuntimeException e) {
      // fall back to the start of the text
    }
    String t = text.text();
    if (t.length() <= LENGTH) {
      return Entities.escape(t);
    }
    int cut = t.lastIndexOf(' ', LENGTH);
    return Entities.escape(t.substring(0, cut > LENGTH / 2 ? cut : LENGTH)) + " …";
  }

  private static String unmarked(String html) {
    return Entities.unescape(html.replace("<b>", "").replace("</b>", ""));
  }
}
