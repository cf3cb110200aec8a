package org.veille.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * One search on one searcher: the user's query with the request's filters, the top hits of the
 * page, an exact count, facets when asked, and snippets for the page's hits.
 */
final class Searches {
  private static final List<String> FACET_DIMS = List.of(Fields.SOURCE, Fields.TOPIC, Fields.LANG);

  /** Hits counted exactly while collecting the top ones; beyond, the count is a separate pass. */
  private static final int EARLY_TERMINATION = 1000;

  /** Where the facet state of a dimension comes from (it is costly: one per reader). */
  @FunctionalInterface
  interface FacetStates {
    StringDocValuesReaderState get(IndexSearcher s, String dim) throws IOException;
  }

  private final IndexSearcher s;
  private final FacetStates facetStates;

  Searches(IndexSearcher s, FacetStates facetStates) {
    this.s = s;
    this.facetStates = facetStates;
  }

  /** Runs {@code userQuery} with the filters, sort, page and facets of {@code r}. */
  SearchResult run(Query userQuery, SearchRequest r, SnippetSource texts) throws IOException {
    Query query = filtered(userQuery, r);
    {
      int n = Math.max(1, r.offset() + r.limit());
      // Top hits with early termination (block-max WAND, or index sort skipping by date), then
      // an exact count: counting without scoring is much cheaper than scoring every match.
      var topManager =
          r.sort() == SearchRequest.Sort.DATE
              ? new TopFieldCollectorManager(
                  new Sort(
                      LongField.newSortField(
                          Fields.PUBLISHED, true, SortedNumericSelector.Type.MAX),
                      SortField.FIELD_SCORE),
                  n,
                  null,
                  EARLY_TERMINATION)
              : new TopScoreDocCollectorManager(n, null, EARLY_TERMINATION);
      TopDocs top;
      long total;
      Map<String, Map<String, Long>> facets = Map.of();
      if (r.facets()) {
        Object[] both =
            s.search(query, new MultiCollectorManager(topManager, new FacetsCollectorManager()));
        top = (TopDocs) both[0];
        FacetsCollector fc = (FacetsCollector) both[1];
        facets = facets(s, fc);
        total = fc.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
      } else {
        top = s.search(query, topManager);
        total =
            top.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO
                ? top.totalHits.value
                : s.count(query);
      }
      if (r.sort() == SearchRequest.Sort.DATE) {
        TopFieldCollector.populateScores(top.scoreDocs, s, query);
      }
      List<String> ids = new ArrayList<>();
      int page = Math.max(0, top.scoreDocs.length - r.offset());
      int[] docs = new int[page];
      var stored = s.storedFields();
      for (int i = 0; i < page; i++) {
        docs[i] = top.scoreDocs[r.offset() + i].doc;
        ids.add(stored.document(docs[i], Set.of(Fields.ID)).get(Fields.ID));
      }
      Map<String, SnippetSource.Text> bodies = ids.isEmpty() ? Map.of() : texts.texts(ids);
      Map<Integer, String> marked =
          Snippets.of(s, userQuery, docs, ids.stream().map(bodies::get).toList());
      List<SearchResult.Hit> hits = new ArrayList<>();
      for (int i = 0; i < page; i++) {
        float score = top.scoreDocs[r.offset() + i].score;
        hits.add(
            new SearchResult.Hit(
                ids.get(i), Float.isNaN(score) ? 0f : score, marked.getOrDefault(docs[i], "")));
      }
      return new SearchResult(total, hits, facets);
    }
  }

  private static Query filtered(Query q, SearchRequest r) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
    if (r.since() != null || r.until() != null) {
      long from = r.since() == null ? Long.MIN_VALUE : r.since().toEpochMilli();
      long to = r.until() == null ? Long.MAX_VALUE : r.until().toEpochMilli();
      b.add(LongField.newRangeQuery(Fields.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
    }
    if (!r.sources().isEmpty()) {
      b.add(
          KeywordField.newSetQuery(Fields.SOURCE, lower(r.sources())), BooleanClause.Occur.FILTER);
    }
    if (!r.topics().isEmpty()) {
      b.add(KeywordField.newSetQuery(Fields.TOPIC, lower(r.topics())), BooleanClause.Occur.FILTER);
    }
    if (r.lang() != null) {
      b.add(
          KeywordField.newExactQuery(Fields.LANG, r.lang().toLowerCase(java.util.Locale.ROOT)),
          BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static List<org.apache.lucene.util.BytesRef> lower(List<String> values) {
    return values.stream()
        .map(v -> new org.apache.lucene.util.BytesRef(v.toLowerCase(java.util.Locale.ROOT)))
        .toList();
  }

  private Map<String, Map<String, Long>> facets(IndexSearcher s, FacetsCollector fc)
      throws IOException {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (String dim : FACET_DIMS) {
      StringDocValuesReaderState state = facetStates.get(s, dim);
      FacetResult fr = new StringValueFacetCounts(state, fc).getAllChildren(dim);
      Map<String, Long> counts = new LinkedHashMap<>();
      if (fr != null) {
        List<LabelAndValue> lv = new ArrayList<>(List.of(fr.labelValues));
        lv.sort(
            Comparator.comparingLong((LabelAndValue x) -> -x.value.longValue())
                .thenComparing(x -> x.label));
        for (LabelAndValue v : lv) {
          counts.put(v.label, v.value.longValue());
        }
      }
      out.put(dim, counts);
    }
    return out;
  }
}
