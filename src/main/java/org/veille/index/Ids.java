package org.veille.index;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;

/**
 * Item ids of hits, read from the id field's doc values (a lookup in a sorted column) rather than
 * from stored fields (a compressed block decoded per hit). Docs in increasing order are read in one
 * pass per segment.
 */
final class Ids {
  private Ids() {}

  /** The id of each of {@code docs}, in the same order. */
  static String[] of(IndexSearcher s, int[] docs) throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    String[] ids = new String[docs.length];
    int leafIndex = -1;
    int last = Integer.MAX_VALUE;
    SortedSetDocValues values = null;
    LeafReaderContext leaf = null;
    for (int i = 0; i < docs.length; i++) {
      int l = ReaderUtil.subIndex(docs[i], leaves);
      int doc = docs[i] - leaves.get(l).docBase;
      if (l != leafIndex || doc <= last) { // doc values only move forward: a fresh one otherwise
        leafIndex = l;
        leaf = leaves.get(l);
        values = DocValues.getSortedSet(leaf.reader(), Fields.ID);
      }
      last = doc;
      ids[i] =
          values.advanceExact(doc)
              ? values.lookupOrd(values.nextOrd()).utf8ToString()
              : s.storedFields().document(docs[i], Set.of(Fields.ID)).get(Fields.ID);
    }
    return ids;
  }
}
