package org.veille.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.veille.store.StoredItem;

/** JSON output with Jackson's streaming generator: fields in the order of DESIGN §3. */
final class Json implements AutoCloseable {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private final JsonGenerator g;

  Json(PrintWriter out) {
    try {
      this.g = FACTORY.createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonGenerator gen() {
    return g;
  }

  /** An item in full: the fields of a search hit, then the rest (DESIGN §3, {@code show}). */
  void item(StoredItem i) throws IOException {
    item(i, null);
  }

  /** An item in full with {@code sent_in}, the letters that carried it (left out when null). */
  void item(StoredItem i, List<String> sentIn) throws IOException {
    item(i, sentIn, null);
  }

  /**
   * An item in full with {@code sent_in} and, when not null, {@code cluster_members}: the items of
   * its near-duplicate cluster (id, source, title, url), first seen first.
   */
  void item(StoredItem i, List<String> sentIn, List<StoredItem> members) throws IOException {
    g.writeStartObject();
    hitFields(i);
    g.writeStringField("guid", i.guid());
    g.writeStringField("updated", Times.iso(i.updated()));
    g.writeStringField("author", i.author());
    g.writeStringField("summary", i.summary());
    g.writeStringField("content", i.content());
    g.writeStringField("first_seen", Times.iso(i.firstSeen()));
    strings("categories", i.categories());
    g.writeStringField("feed_title", i.feedTitle());
    placeFields(i);
    callFields(i);
    g.writeStringField("content_source", i.contentSource());
    g.writeStringField("fulltext", i.fulltext());
    clusterFields(i);
    if (sentIn != null) {
      strings("sent_in", sentIn);
    }
    if (members != null) {
      g.writeArrayFieldStart("cluster_members");
      for (StoredItem m : members) {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("source", m.source());
        g.writeStringField("title", m.title());
        g.writeStringField("url", m.url());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** The fields a search hit and a full item share, in the contract's order. */
  void hitFields(StoredItem i) throws IOException {
    g.writeStringField("id", i.id());
    g.writeStringField("title", i.title());
    g.writeStringField("url", i.url());
    g.writeStringField("source", i.source());
    strings("sources", i.sources());
    g.writeStringField("published", Times.iso(i.published()));
    g.writeStringField("lang", i.lang());
    strings("topics", i.topics());
  }

  /** The places of an item (DESIGN §7), after the fields of the contract's first version. */
  void placeFields(StoredItem i) throws IOException {
    strings("communes", i.places().communeCodes());
    strings("epts", i.places().eptCodes());
    strings("departements", i.places().departementCodes());
  }

  /** The near-duplicate cluster of an item (DESIGN §7): its id or null, and its size. */
  void clusterFields(StoredItem i) throws IOException {
    g.writeStringField("cluster", i.cluster());
    g.writeNumberField("cluster_size", i.clusterSize());
  }

  /**
   * The call for projects an item is (DESIGN §7): {@code call}, {@code deadline} (YYYY-MM-DD or
   * null), {@code deadline_time} (HH:MM or null), then {@code call_kind}, {@code final_deadline},
   * {@code deadline_zone} and {@code call_rolling}.
   */
  void callFields(StoredItem i) throws IOException {
    org.veille.calls.Call c = i.call();
    g.writeBooleanField("call", c.isCall());
    g.writeStringField("deadline", c.deadline() == null ? null : c.deadline().toString());
    g.writeStringField("deadline_time", c.time() == null ? null : hhmm(c.time()));
    g.writeStringField("call_kind", c.kind());
    g.writeStringField(
        "final_deadline", c.finalDeadline() == null ? null : c.finalDeadline().toString());
    g.writeStringField("deadline_zone", c.zone());
    g.writeBooleanField("call_rolling", c.rolling());
  }

  static String hhmm(java.time.LocalTime t) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
  }

  void strings(String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  @Override
  public void close() {
    try {
      g.flush();
      g.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
