package org.veille.index;

import java.time.Instant;
import java.util.List;

/**
 * A search: the query in the user syntax, optional filters ({@code since}, {@code until} and {@code
 * lang} may be null; empty lists filter nothing), order, page and whether to count facets.
 */
public record SearchRequest(
    String query,
    Instant since,
    Instant until,
    List<String> sources,
    List<String> topics,
    String lang,
    Sort sort,
    int limit,
    int offset,
    boolean facets) {

  public SearchRequest {
    sources = List.copyOf(sources);
    topics = List.copyOf(topics);
  }

  /** A plain query: relevance order, first 20 hits, no filter, no facets. */
  public static SearchRequest of(String query) {
    return new SearchRequest(
        query, null, null, List.of(), List.of(), null, Sort.RELEVANCE, 20, 0, false);
  }

  /** Result order: best match first, or newest first. */
  public enum Sort {
    RELEVANCE,
    DATE
  }
}
