package org.veille.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.veille.config.SourceConfig;

/**
 * {@link Store} on one SQLite file in WAL mode with foreign keys on. Readers in other processes see
 * the last committed state while a crawl writes. Methods are synchronized: one connection serves
 * one process.
 */
public final class SqliteStore implements Store {
  private final Path file;
  private final Connection c;
  private final ItemReader reader;

  private SqliteStore(Path file, Connection c) {
    this.file = file;
    this.c = c;
    this.reader = new ItemReader(file, c);
  }

  /** Opens (creating if needed) the store at {@code file} and brings its schema up to date. */
  public static SqliteStore open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new StoreException(
          "cannot create data folder " + file.getParent() + ": " + e.getMessage(), e);
    }
    try {
      // Write transactions start IMMEDIATE: a deferred one that read first could not be upgraded
      // while another connection writes, and would fail at once instead of waiting its turn.
      java.util.Properties props = new java.util.Properties();
      props.setProperty("transaction_mode", "IMMEDIATE");
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA foreign_keys = ON");
      }
      Migrations.apply(c);
      return new SqliteStore(file, c);
    } catch (SQLException e) {
      throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void syncSources(List<SourceConfig> sources) {
    String sql =
        """
        INSERT INTO sources (id, name, url, type) VALUES (?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type,
          feed_url = CASE WHEN url = excluded.url THEN feed_url ELSE NULL END,
          etag = CASE WHEN url = excluded.url THEN etag ELSE NULL END,
          last_modified = CASE WHEN url = excluded.url THEN last_modified ELSE NULL END,
          consecutive_failures = CASE WHEN url = excluded.url THEN consecutive_failures ELSE 0 END,
          next_attempt_at = CASE WHEN url = excluded.url THEN next_attempt_at ELSE NULL END,
          url = excluded.url
        """;
    inTransaction(
        () -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (SourceConfig s : sources) {
              ps.setString(1, s.id());
              ps.setString(2, s.name());
              ps.setString(3, s.url().toString());
              ps.setString(4, s.type().label());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public synchronized Optional<SourceState> sourceState(String id) {
    String sql =
        "SELECT url, etag, last_modified, feed_url, consecutive_failures, next_attempt_at FROM sources WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new SourceState(
                id,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                Sql.instant(rs, 6)));
      }
    } catch (SQLException e) {
      throw failure("read source " + id, e);
    }
  }

  @Override
  public synchronized SaveResult saveFetch(FetchRecord r) {
    return inTransaction(
        () -> {
          ItemWriter writer = new ItemWriter(c, r.sourceId(), r.at());
          for (int i = 0; i < r.items().size(); i++) {
            writer.save(r.items().get(i), r.topicsOf(i));
          }
          updateSource(r);
          log(r, writer);
          return writer.result();
        });
  }

  private void updateSource(FetchRecord r) throws SQLException {
    boolean ok = r.outcome() != FetchRecord.Outcome.FAILED;
    String sql =
        """
        UPDATE sources SET last_fetch_at = ?, last_status = ?, last_error = ?, http_status = ?,
          consecutive_failures = ?, next_attempt_at = ?, broken_selector = ?,
          last_ok_at = CASE WHEN ? THEN ? ELSE last_ok_at END,
          etag = CASE WHEN ? THEN ? ELSE etag END,
          last_modified = CASE WHEN ? THEN ? ELSE last_modified END,
          feed_url = COALESCE(?, feed_url),
          feed_title = COALESCE(?, feed_title)
        WHERE id = ?
        """;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, r.at().toEpochMilli());
      ps.setString(2, r.outcome().label());
      ps.setString(3, r.error());
      Sql.setInt(ps, 4, r.httpStatus());
      ps.setInt(5, r.consecutiveFailures());
      Sql.setInstant(ps, 6, r.nextAttemptAt());
      ps.setBoolean(7, r.brokenSelector());
      ps.setBoolean(8, ok);
      ps.setLong(9, r.at().toEpochMilli());
      boolean newValidators = r.outcome() == FetchRecord.Outcome.OK;
      ps.setBoolean(10, newValidators);
      ps.setString(11, r.etag());
      ps.setBoolean(12, newValidators);
      ps.setString(13, r.lastModified());
      ps.setString(14, r.feedUrl());
      ps.setString(15, r.feedTitle());
      ps.setString(16, r.sourceId());
      if (ps.executeUpdate() != 1) {
        throw new StoreException("unknown source '" + r.sourceId() + "' (call syncSources first)");
      }
    }
  }

  private void log(FetchRecord r, ItemWriter w) throws SQLException {
    String sql =
        "INSERT INTO fetch_log (source_id, at, outcome, http_status, duration_ms, bytes, new_items, updated_items, error) VALUES (?,?,?,?,?,?,?,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, r.sourceId());
      ps.setLong(2, r.at().toEpochMilli());
      ps.setString(3, r.outcome().label());
      Sql.setInt(ps, 4, r.httpStatus());
      ps.setLong(5, r.durationMs());
      ps.setLong(6, r.bytes());
      ps.setInt(7, w.result().newItems());
      ps.setInt(8, w.result().updatedItems());
      ps.setString(9, r.error());
      ps.executeUpdate();
    }
  }

  @Override
  public synchronized void recordCrawl(Instant at, int sources, int failed, int newItems) {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO crawl_runs (at, sources, failed, new_items) VALUES (?,?,?,?)")) {
      ps.setLong(1, at.toEpochMilli());
      ps.setInt(2, sources);
      ps.setInt(3, failed);
      ps.setInt(4, newItems);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("record crawl", e);
    }
  }

  @Override
  public synchronized Optional<CrawlRun> lastCrawl() {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT at, sources, failed, new_items FROM crawl_runs ORDER BY at DESC, id DESC LIMIT 1")) {
      return rs.next()
          ? Optional.of(
              new CrawlRun(
                  Instant.ofEpochMilli(rs.getLong(1)), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
          : Optional.empty();
    } catch (SQLException e) {
      throw failure("read the last crawl", e);
    }
  }

  @Override
  public synchronized List<SourceStatus> sourceStatuses() {
    String sql =
        """
        SELECT s.id, COALESCE(s.name, s.feed_title, s.id), s.type, s.url, s.last_fetch_at, s.last_status,
          s.last_error, (SELECT COUNT(*) FROM item_sources i WHERE i.source_id = s.id),
          s.consecutive_failures, s.next_attempt_at, s.broken_selector
        FROM sources s ORDER BY s.id
        """;
    List<SourceStatus> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(
            new SourceStatus(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Sql.instant(rs, 5),
                rs.getString(6),
                rs.getString(7),
                rs.getLong(8),
                rs.getInt(9),
                Sql.instant(rs, 10),
                rs.getBoolean(11)));
      }
      return out;
    } catch (SQLException e) {
      throw failure("list sources", e);
    }
  }

  @Override
  public synchronized Optional<StoredItem> item(String id) {
    return reader.item(id);
  }

  @Override
  public synchronized void forEachItem(ItemFilter filter, Consumer<StoredItem> sink) {
    reader.forEachItem(filter, sink);
  }

  @Override
  public synchronized void forEachIndexable(Consumer<IndexableItem> sink) {
    reader.forEachIndexable(sink);
  }

  @Override
  public synchronized List<StoredItem> items(java.util.Collection<String> ids) {
    return reader.items(ids);
  }

  @Override
  public synchronized List<StoredItem> itemsOfPeriod(
      Instant from, Instant to, java.time.Duration maxAge) {
    return reader.itemsOfPeriod(from, to, maxAge);
  }

  @Override
  public synchronized java.util.Map<String, ItemText> texts(java.util.Collection<String> ids) {
    return reader.texts(ids);
  }

  @Override
  public synchronized StoreStats stats() {
    try {
      long sources = Sql.queryLong(c, "SELECT COUNT(*) FROM sources");
      long items = Sql.queryLong(c, "SELECT COUNT(*) FROM items");
      Optional<String> last = Sql.queryString(c, "SELECT MAX(at) FROM crawl_runs");
      Instant lastCrawl = last.map(v -> Instant.ofEpochMilli(Long.parseLong(v))).orElse(null);
      long bytes = 0;
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Path p = Path.of(file.toAbsolutePath() + suffix);
        bytes += Files.exists(p) ? Files.size(p) : 0;
      }
      return new StoreStats(sources, items, bytes, lastCrawl);
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot read stats of " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized java.util.Map<String, Delivery> deliveries(String week) {
    java.util.Map<String, Delivery> out = new java.util.LinkedHashMap<>();
    String sql =
        "SELECT recipient, status, attempts, error, updated_at, message_id FROM deliveries WHERE week = ? ORDER BY recipient";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, week);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(1),
              new Delivery(
                  week,
                  rs.getString(1),
                  Delivery.Status.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                  rs.getInt(3),
                  rs.getString(4),
                  Sql.instant(rs, 5),
                  rs.getString(6)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("read the delivery ledger", e);
    }
  }

  @Override
  public synchronized void recordDelivery(Delivery d) {
    String sql =
        "INSERT OR REPLACE INTO deliveries (week, recipient, status, attempts, error, updated_at, message_id) VALUES (?,?,?,?,?,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, d.week());
      ps.setString(2, d.recipient());
      ps.setString(3, d.status().label());
      ps.setInt(4, d.attempts());
      ps.setString(5, d.error());
      ps.setLong(6, d.at().toEpochMilli());
      ps.setString(7, d.messageId());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("write the delivery ledger", e);
    }
  }

  @Override
  public synchronized Optional<String> lastDeliveryWeek() {
    try {
      return Sql.queryString(c, "SELECT week FROM deliveries ORDER BY week DESC LIMIT 1");
    } catch (SQLException e) {
      throw failure("read the delivery ledger", e);
    }
  }

  @Override
  public synchronized List<String> unindexedIds(int limit) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM items WHERE indexed = 0 LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("list unindexed items", e);
    }
  }

  @Override
  public synchronized void markIndexed(java.util.Collection<String> ids) {
    inTransaction(
        () -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE items SET indexed = 1 WHERE id = ?")) {
            for (String id : ids) {
              ps.setString(1, id);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public synchronized void markAllIndexed() {
    inTransaction(
        () -> {
          try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE items SET indexed = 1 WHERE indexed = 0");
          }
          return null;
        });
  }

  @Override
  public synchronized long indexedCount() {
    try {
      return Sql.queryLong(c, "SELECT COUNT(*) FROM items WHERE indexed = 1");
    } catch (SQLException e) {
      throw failure("count indexed items", e);
    }
  }

  @Override
  public synchronized java.util.Map<String, String> topicQueries() {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, query FROM topic_queries ORDER BY id")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
      return out;
    } catch (SQLException e) {
      throw failure("read topic queries", e);
    }
  }

  @Override
  public synchronized int retag(
      java.util.Map<String, String> queries, java.util.Map<String, java.util.Set<String>> matches) {
    return inTransaction(
        () -> {
          try (Statement st = c.createStatement()) {
            st.execute(
                "CREATE TEMP TABLE IF NOT EXISTS new_topics (item_id TEXT NOT NULL, topic_id TEXT NOT NULL, PRIMARY KEY (item_id, topic_id))");
            st.execute("DELETE FROM new_topics");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO new_topics (item_id, topic_id) SELECT id, ? FROM items WHERE id = ?")) {
            for (var e : matches.entrySet()) {
              for (String id : e.getValue()) {
                ps.setString(1, e.getKey());
                ps.setString(2, id);
                ps.addBatch();
              }
            }
            ps.executeBatch();
          }
          int changed;
          try (Statement st = c.createStatement()) {
            changed =
                st.executeUpdate(
                    """
            UPDATE items SET indexed = 0 WHERE id IN (
              SELECT item_id FROM (SELECT item_id, topic_id FROM item_topics EXCEPT SELECT item_id, topic_id FROM new_topics)
              UNION
              SELECT item_id FROM (SELECT item_id, topic_id FROM new_topics EXCEPT SELECT item_id, topic_id FROM item_topics))
            """);
            st.execute("DELETE FROM item_topics");
            st.execute(
                "INSERT INTO item_topics (item_id, topic_id) SELECT item_id, topic_id FROM new_topics");
            st.execute("DELETE FROM new_topics");
            st.execute("DELETE FROM topic_queries");
          }
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO topic_queries (id, query) VALUES (?, ?)")) {
            for (var e : queries.entrySet()) {
              ps.setString(1, e.getKey());
              ps.setString(2, e.getValue());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return changed;
        });
  }

  // ---- helpers -------------------------------------------------------------------------------

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private <T> T inTransaction(SqlWork<T> work) {
    try {
      c.setAutoCommit(false);
      try {
        T result = work.run();
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  private StoreException failure(String what, SQLException e) {
    return Sql.failure(file, what, e);
  }

  @Override
  public synchronized void close() {
    try {
      c.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }
}
