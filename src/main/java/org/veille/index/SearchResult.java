package org.veille.index;

import java.util.List;
import java.util.Map;

/**
 * The page of hits asked for, the exact number of matching items, facet counts by dimension ({@code
 * source}, {@code topic}, {@code lang}; empty unless asked for), each sorted by count, and notes
 * for the user on how the query was read (a {@code word:} that is not a field searched as text).
 */
public record SearchResult(
    long total, List<Hit> hits, Map<String, Map<String, Long>> facets, List<String> notes) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    notes = List.copyOf(notes);
  }

  /** A result without notes. */
  public SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {
    this(total, hits, facets, List.of());
  }

  /** The same result with {@code notes}. */
  public SearchResult withNotes(List<String> more) {
    return new SearchResult(total, hits, facets, more);
  }

  /**
   * One hit: the item id, its relevance score and a snippet of its text as HTML, matches marked
   * with {@code <b>…</b>} and everything else escaped.
   */
  public record Hit(String id, float score, String snippet) {}
}
