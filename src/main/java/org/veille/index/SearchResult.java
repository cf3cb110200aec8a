package org.veille.index;

import java.util.List;
import java.util.Map;

/**
 * The page of hits asked for, the exact number of matching items, and facet counts by dimension
 * ({@code source}, {@code topic}, {@code lang}; empty unless asked for), each sorted by count.
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
  }

  /**
   * One hit: the item id, its relevance score and a snippet of its text as HTML, matches marked
   * with {@code <b>…</b>} and everything else escaped.
   */
  public record Hit(String id, float score, String snippet) {}
}
