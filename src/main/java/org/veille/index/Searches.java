package org.veille.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
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
 * page, an exact count, facets when asked, and snippets for the page's hits; or every id a query
 * matches.
 */
final class Searches {
  private static final List<String> FACET_DIMS =
      List.of(Fields.SOURCE, Fields.TOPIC, Fields.LANG, Fields.COMMUNE, Fields.TERRITORY);

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

  /** The ids of every document {@code q} matches, in a mutable set. */
  Set<String> ids(Query q) throws IOException {
    TopDocs all =
        s.search(
            q,
            new TopScoreDocCollectorManager(
                Math.max(1, s.getIndexReader().maxDoc()), null, Integer.MAX_VALUE));
    int[] docs = new int[all.scoreDocs.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = all.scoreDocs[i].doc;
    }
    Arrays.sort(docs);
    return new HashSet<>(List.of(Ids.of(s, docs)));
  }

  /** Runs {@code userQuery} with the filters, sort, page and facets of {@code r}. */
  SearchResult run(Query userQuery, SearchRequest r, SnippetSource texts) throws IOException {
    Query query = filtered(userQuery, r);
    for (int fetch = Math.max(1, r.offset() + r.limit()); ; fetch *= 4) {
      int n = r.collapse() ? fetch * 2 + 10 : fetch;
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
      org.apache.lucene.search.ScoreDoc[] scored = top.scoreDocs;
      if (r.collapse()) {
        scored = firstOfEachCluster(scored);
        if (scored.length < r.offset() + r.limit() && top.scoreDocs.length == n) {
          continue; // a page of clusters needs more hits
        }
        total = clusters(query, total);
      }
      int page = Math.max(0, Math.min(r.limit(), scored.length - r.offset()));
      int[] docs = new int[page];
      for (int i = 0; i < page; i++) {
        docs[i] = scored[r.offset() + i].doc;
      }
      List<String> ids = List.of(Ids.of(s, docs));
      Map<String, SnippetSource.Text> bodies = ids.isEmpty() ? Map.of() : texts.texts(ids);
      Map<Integer, String> marked =
          Snippets.of(s, userQuery, docs, ids.stream().map(bodies::get).toList());
      List<SearchResult.Hit> hits = new ArrayList<>();
      for (int i = 0; i < page; i++) {
        float score = scored[r.offset() + i].score;
        hits.add(
            new SearchResult.Hit(
                ids.get(i), Float.isNaN(score) ? 0f : score, marked.getOrDefault(docs[i], "")));
      }
      return new SearchResult(total, hits, facets);
    }
  }

  /** The hits in order, keeping the first of each near-duplicate cluster. */
  private org.apache.lucene.search.ScoreDoc[] firstOfEachCluster(
      org.apache.lucene.search.ScoreDoc[] hits) throws IOException {
    List<org.apache.lucene.index.LeafReaderContext> leaves = s.getIndexReader().leaves();
    java.util.Set<org.apache.lucene.util.BytesRef> seen = new java.util.HashSet<>();
    List<org.apache.lucene.search.ScoreDoc> out = new ArrayList<>();
    for (org.apache.lucene.search.ScoreDoc h : hits) {
      var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(h.doc, leaves));
      var values = org.apache.lucene.index.DocValues.getSortedSet(leaf.reader(), Fields.CLUSTER);
      if (!values.advanceExact(h.doc - leaf.docBase)) {
        out.add(h);
        continue;
      }
      if (seen.add(
          org.apache.lucene.util.BytesRef.deepCopyOf(values.lookupOrd(values.nextOrd())))) {
        out.add(h);
      }
    }
    return out.toArray(new org.apache.lucene.search.ScoreDoc[0]);
  }

  /**
   * The number of clusters among {@code items} matches (an item alone counting as one): the matches
   * in a cluster are counted apart and replaced by the number of their clusters.
   */
  private long clusters(Query query, long items) throws IOException {
    Query inCluster =
        new BooleanQuery.Builder()
            .add(query, BooleanClause.Occur.MUST)
            .add(
                new org.apache.lucene.search.FieldExistsQuery(Fields.IN_CLUSTER),
                BooleanClause.Occur.FILTER)
            .build();
    java.util.Set<org.apache.lucene.util.BytesRef> clusters = new java.util.HashSet<>();
    long[] clustered = {0};
    s.search(
        inCluster,
        new org.apache.lucene.search.CollectorManager<
            org.apache.lucene.search.SimpleCollector, Void>() {
          @Override
          public org.apache.lucene.search.SimpleCollector newCollector() {
            return new org.apache.lucene.search.SimpleCollector() {
              private org.apache.lucene.index.SortedSetDocValues values;

              @Override
              protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context)
                  throws IOException {
                values =
                    org.apache.lucene.index.DocValues.getSortedSet(
                        context.reader(), Fields.IN_CLUSTER);
              }

              @Override
              public void collect(int doc) throws IOException {
                if (values.advanceExact(doc)) {
                  synchronized (clusters) {
                    clustered[0]++;
                    clusters.add(
                        org.apache.lucene.util.BytesRef.deepCopyOf(
                            values.lookupOrd(values.nextOrd())));
                  }
                }
              }

              @Override
              public org.apache.lucene.search.ScoreMode scoreMode() {
                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
              }
            };
          }

          @Override
          public Void reduce(java.util.Collection<org.apache.lucene.search.SimpleCollector> c) {
            return null;
          }
        });
    return items - clustered[0] + clusters.size();
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
    if (r.ids() != null) {
      b.add(
          r.ids().isEmpty()
              ? new org.apache.lucene.search.MatchNoDocsQuery("no item in the letters asked for")
              : KeywordField.newSetQuery(
                  Fields.ID, r.ids().stream().map(org.apache.lucene.util.BytesRef::new).toList()),
          BooleanClause.Occur.FILTER);
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
