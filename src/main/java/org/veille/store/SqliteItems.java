package org.veille.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link ItemStore} on SQLite: the read side of {@code items} and the tables that hang on it. */
final class SqliteItems implements ItemStore {
  private final SqliteDb db;

  SqliteItems(SqliteDb db) {
    this.db = db;
  }

  @Override
  public Optional<StoredItem> item(String id) {
    return db.read("read item " + id, c -> ItemReader.item(c, id));
  }

  @Override
  public List<StoredItem> items(Collection<String> ids) {
    return db.read("read items", c -> ItemReader.items(c, ids));
  }

  @Override
  public void forEach(ItemFilter filter, Consumer<StoredItem> sink) {
    db.read(
        "read items",
        c -> {
          ItemReader.forEach(c, filter, sink);
          return null;
        });
  }

  @Override
  public void forEachIndexable(Consumer<IndexableItem> sink) {
    db.read(
        "read items for the index",
        c -> {
          ItemReader.forEachIndexable(c, sink);
          return null;
        });
  }

  @Override
  public Map<String, ItemText> texts(Collection<String> ids) {
    return db.read("read item texts", c -> ItemReader.texts(c, ids));
  }

  @Override
  public List<StoredItem> ofPeriod(Instant from, Instant to, Duration maxAge) {
    return db.read("read the items of a period", c -> ItemReader.ofPeriod(c, from, to, maxAge));
  }

  @Override
  public List<StoredItem> cluster(String cluster) {
    return db.read("read cluster " + cluster, c -> ItemReader.cluster(c, cluster));
  }

  @Override
  public List<Optional<KnownItem>> known(String sourceId, List<org.veille.parse.ParsedItem> items) {
    return db.read(
        "read the stored items of source " + sourceId, c -> ArticleRows.known(c, sourceId, items));
  }

  @Override
  public Optional<FullText> article(String id) {
    return db.read("read the article of item " + id, c -> ArticleRows.article(c, id));
  }

  @Override
  public List<StoredItem> calls() {
    return db.read("read the calls for projects", ItemReader::calls);
  }

  @Override
  public long count() {
    return db.read("count items", c -> Sql.queryLong(c, "SELECT COUNT(*) FROM items"));
  }
}
