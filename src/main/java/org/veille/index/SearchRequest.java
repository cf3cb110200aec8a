package org.veille.index;

import java.time.Instant;
import java.util.List;

/**
 * A search: the query in the user syntax, optional filters ({@code since}, {@code until} and {@code
 * lang} may be null; empty lists filter nothing), order, page and whether to count facets. {@code
 * ids}, when not null, keeps only the items with these ids (the items that went out in a letter,
 * say); empty, it keeps nothing.
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
    boolean facets,
    java.util.Set<String> ids,
    boolean collapse) {

  public SearchRequest {
    sources = List.copyOf(sources);
    topics = List.copyOf(topics);
    ids = ids == null ? null : java.util.Set.copyOf(ids);
  }

  /** A request that shows every member of a near-duplicate cluster. */
  public SearchRequest(
      String query,
      Instant since,
      Instant until,
      List<String> sources,
      List<String> topics,
      String lang,
      Sort sort,
      int limit,
      int offset,
      boolean facets,
      java.util.Set<String> ids) {
    this(query, since, until, sources, topics, lang, sort, limit, offset, facets, ids, false);
  }

  /**
   * The same request showing one hit per near-duplicate cluster, its best (when {@code collapse}),
   * or every member; the total then counts clusters, an item alone counting as one.
   */
  public SearchRequest collapsed(boolean collapse) {
    return new SearchRequest(
        query, since, until, sources, topics, lang, sort, limit, offset, facets, ids, collapse);
  }

  /** A request over every item. */
  public SearchRequest(
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
    this(query, since, until, sources, topics, lang, sort, limit, offset, facets, null);
  }

  /** The same request restricted to the items {@code only}. */
  public SearchRequest within(java.util.Set<String> only) {
    return new SearchRequest(
        query, since, until, sources, topics, lang, sort, limit, offset, facets, only, collapse);
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
