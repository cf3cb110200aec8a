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
    g.writeStartObject();
    hitFields(i);
    g.writeStringField("guid", i.guid());
    g.writeStringField("updated", Times.iso(i.updated()));
    g.writeStringField("author", i.author());
    g.writeStringField("summary", i.summary());
    g.writeStringField("content", i.content());
    g.writeStringField("first_seen", Times.iso(i.firstSeen()));
    strings("categories", i.categories());
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
