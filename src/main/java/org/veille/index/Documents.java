package org.veille.index;

import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.veille.territory.Places;

/**
 * Turns an {@link IndexDoc} into a Lucene document. Only the id is stored; text lives in the store.
 */
final class Documents {
  /** The body field keeps offsets in its postings, so snippets need no re-analysis. */
  static final FieldType BODY_WITH_OFFSETS = textWithOffsets();

  private static FieldType textWithOffsets() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private Documents() {}

  static Document of(IndexDoc d) {
    Document doc = new Document();
    doc.add(new KeywordField(Fields.ID, d.id(), Field.Store.YES));
    doc.add(new TextField(Fields.title(d.lang()), d.title(), Field.Store.NO));
    doc.add(new Field(Fields.body(d.lang()), d.body(), BODY_WITH_OFFSETS));
    if (d.author() != null && !d.author().isBlank()) {
      doc.add(new TextField(Fields.AUTHOR, d.author(), Field.Store.NO));
    }
    for (String s : d.sources()) {
      doc.add(new KeywordField(Fields.SOURCE, s.toLowerCase(Locale.ROOT), Field.Store.NO));
    }
    for (String t : d.topics()) {
      doc.add(new KeywordField(Fields.TOPIC, t.toLowerCase(Locale.ROOT), Field.Store.NO));
    }
    doc.add(
        new KeywordField(
            Fields.LANG,
            d.lang() == null ? "und" : d.lang().toLowerCase(Locale.ROOT),
            Field.Store.NO));
    doc.add(new LongField(Fields.PUBLISHED, d.published().toEpochMilli(), Field.Store.NO));
    for (var c : d.places().communes()) {
      doc.add(new KeywordField(Fields.COMMUNE, c.code(), Field.Store.NO));
      doc.add(new KeywordField(Fields.COMMUNE_NAME, Places.nameKey(c.name()), Field.Store.NO));
    }
    for (var t : d.places().epts()) {
      doc.add(new KeywordField(Fields.TERRITORY, t.code(), Field.Store.NO));
    }
    for (var p : d.places().departements()) {
      doc.add(new KeywordField(Fields.DEPT, p.code(), Field.Store.NO));
    }
    doc.add(new KeywordField(Fields.CLUSTER, d.collapseKey(), Field.Store.NO));
    if (d.cluster() != null) {
      doc.add(new KeywordField(Fields.IN_CLUSTER, d.cluster(), Field.Store.NO));
    }
    if (d.call().isCall()) {
      doc.add(new KeywordField(Fields.CALL, "true", Field.Store.NO));
      doc.add(new KeywordField(Fields.CALL, d.call().kind(), Field.Store.NO));
      if (d.call().deadline() != null) {
        doc.add(new KeywordField(Fields.DEADLINE, d.call().deadline().toString(), Field.Store.NO));
      }
      if (d.call().finalDeadline() != null) {
        doc.add(
            new KeywordField(Fields.DEADLINE, d.call().finalDeadline().toString(), Field.Store.NO));
      }
    }
    return doc;
  }
}
