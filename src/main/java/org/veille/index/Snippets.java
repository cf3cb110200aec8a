package org.veille.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets of about {@value #LENGTH} characters around the matches, as HTML: matches in {@code
 * <b>…</b>}, the rest escaped. The index keeps offsets in its postings, and the text comes from the
 * store, so nothing is re-analysed and nothing is stored twice. Without a match in the text (a hit
 * on {@code source:} only, say) the snippet is the start of the summary.
 */
final class Snippets {
  static final int LENGTH = 180;
  private static final String[] FIELDS = {Fields.BODY_FR, Fields.BODY_EN};

  private Snippets() {}

  /** Snippets by doc id for {@code docs}, whose texts are {@code texts} (same order). */
  static Map<Integer, String> of(
      IndexSearcher searcher, Query query, int[] docs, List<SnippetSource.Text> texts)
      throws IOException {
    Map<Integer, SnippetSource.Text> byDoc = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      if (texts.get(i) != null) {
        byDoc.put(docs[i], texts.get(i));
      }
    }
    UnifiedHighlighter.Builder b =
        UnifiedHighlighter.builder(searcher, Analyzers.PER_FIELD)
            .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
            .withBreakIterator(
                () -> LengthGoalBreakIterator.createClosestToLength(new WordBreaks(), LENGTH, 0.5f))
            .withMaxNoHighlightPassages(0)
            .withWeightMatches(false);
    UnifiedHighlighter uh =
        new UnifiedHighlighter(b) {
          @Override
          protected List<CharSequence[]> loadFieldValues(
              String[] fields, DocIdSetIterator it, int cacheChars) throws IOException {
            List<CharSequence[]> out = new ArrayList<>();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
              SnippetSource.Text t = byDoc.get(doc);
              CharSequence[] values = new CharSequence[fields.length];
              for (int f = 0; f < fields.length; f++) {
                values[f] = t != null && fields[f].equals(Fields.body(t.lang())) ? t.text() : "";
              }
              out.add(values);
            }
            return out;
          }
        };
    Map<String, String[]> marked = uh.highlightFields(FIELDS, query, docs, new int[] {1, 1});
    Map<Integer, String> out = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      SnippetSource.Text t = byDoc.get(docs[i]);
      if (t == null) {
        continue;
      }
      String h = marked.get(Fields.body(t.lang()))[i];
      out.put(docs[i], h != null && h.contains("<b>") ? framed(h.strip(), t.text()) : lead(t));
    }
    return out;
  }

  /** Ellipses where the passage does not reach the start or the end of the text. */
  private static String framed(String html, String text) {
    String plain = SnippetHtml.text(html).replace('\n', ' ');
    String flat = text.replace('\n', ' ');
    return ((flat.startsWith(plain) ? "" : "… ") + html + (flat.endsWith(plain) ? "" : " …"))
        .replace('\n', ' ');
  }

  /** The start of the body, escaped. */
  private static String lead(SnippetSource.Text t) {
    String body = t.text().strip().replace('\n', ' ');
    if (body.length() <= LENGTH) {
      return SnippetHtml.escape(body);
    }
    int cut = body.lastIndexOf(' ', LENGTH);
    return SnippetHtml.escape(body.substring(0, cut > LENGTH / 2 ? cut : LENGTH)) + " …";
  }
}
