package org.veille.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.veille.config.SourceConfig;
import org.veille.parse.ParsedItem;

/**
 * {@link Store} on one SQLite file in WAL mode with foreign keys on. Readers in other processes see
 * the last committed state while a crawl writes. Methods are synchronized: one connection serves
 * one process.
 */
public final class SqliteStore implements Store {
  private final Path file;
  private final Connection c;

  private SqliteStore(Path file, Connection c) {
    this.file = file;
    this.c = c;
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
                instant(rs, 6)));
      }
    } catch (SQLException e) {
      throw failure("read source " + id, e);
    }
  }

  @Override
  public synchronized SaveResult saveFetch(FetchRecord r) {
    return inTransaction(
        () -> {
          ItemWriter writer = new ItemWriter(r.sourceId(), r.at());
          for (int i = 0; i < r.items().size(); i++) {
            writer.save(r.items().get(i), r.topicsOf(i));
          }
          updateSource(r);
          log(r, writer);
          return new SaveResult(writer.added, writer.updated, writer.changed);
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
      setInt(ps, 4, r.httpStatus());
      ps.setInt(5, r.consecutiveFailures());
      setInstant(ps, 6, r.nextAttemptAt());
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
      setInt(ps, 4, r.httpStatus());
      ps.setLong(5, r.durationMs());
      ps.setLong(6, r.bytes());
      ps.setInt(7, w.added);
      ps.setInt(8, w.updated);
      ps.setString(9, r.error());
      ps.executeUpdate();
    }
  }

  /** Writes one source's items, recognising those already stored (same source key or same URL). */
  private final class ItemWriter {
    private final String sourceId;
    private final long now;
    private final List<String> changed = new ArrayList<>();
    private int added;
    private int updated;

    ItemWriter(String sourceId, Instant at) {
      this.sourceId = sourceId;
      this.now = at.toEpochMilli();
    }

    void save(ParsedItem item, List<String> topics) throws SQLException {
      String key = key(item);
      Optional<String> known =
          queryString(
              "SELECT item_id FROM item_sources WHERE source_id = ? AND item_key = ?",
              sourceId,
              key);
      if (known.isPresent()) {
        if (updateIfChanged(known.get(), item)) {
          setTopics(known.get(), topics);
        }
        return;
      }
      String url = item.url() == null ? null : item.url().toString();
      Optional<String> sameUrl =
          url == null ? Optional.empty() : queryString("SELECT id FROM items WHERE url = ?", url);
      if (sameUrl.isPresent()) {
        link(sameUrl.get(), key);
        markUnindexed(sameUrl.get()); // its list of sources changed
        changed.add(sameUrl.get());
        return;
      }
      String id = newId(url != null ? url : sourceId + "\n" + key);
      insert(id, item);
      link(id, key);
      setTopics(id, topics);
      added++;
      changed.add(id);
    }

    /** Updates a known item whose title or summary changed; true if it did. */
    private boolean updateIfChanged(String id, ParsedItem item) throws SQLException {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT title, summary, source_id FROM items WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next() || !rs.getString(3).equals(sourceId)) {
            return false; // only the source that first brought an article gives its text
          }
          if (rs.getString(1).equals(item.title()) && rs.getString(2).equals(item.summary())) {
            return false;
          }
        }
      }
      String sql =
          "UPDATE items SET title = ?, summary = ?, content_text = ?, content_html = ?, author = ?, updated = ?, categories = ?, changed_at = ?, indexed = 0 WHERE id = ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, item.title());
        ps.setString(2, item.summary());
        ps.setString(3, item.contentText());
        ps.setString(4, item.contentHtml());
        ps.setString(5, item.author());
        setInstant(ps, 6, item.updated());
        ps.setString(7, String.join("\n", item.categories()));
        ps.setLong(8, now);
        ps.setString(9, id);
        ps.executeUpdate();
      }
      updated++;
      changed.add(id);
      return true;
    }

    private void setTopics(String id, List<String> topics) throws SQLException {
      try (PreparedStatement del =
          c.prepareStatement("DELETE FROM item_topics WHERE item_id = ?")) {
        del.setString(1, id);
        del.executeUpdate();
      }
      try (PreparedStatement ins =
          c.prepareStatement(
              "INSERT OR IGNORE INTO item_topics (item_id, topic_id) VALUES (?, ?)")) {
        for (String t : topics) {
          ins.setString(1, id);
          ins.setString(2, t);
          ins.addBatch();
        }
        ins.executeBatch();
      }
    }

    private void markUnindexed(String id) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement("UPDATE items SET indexed = 0 WHERE id = ?")) {
        ps.setString(1, id);
        ps.executeUpdate();
      }
    }

    private void insert(String id, ParsedItem item) throws SQLException {
      String sql =
          "INSERT INTO items (id, url, guid, title, summary, content_text, content_html, author, published, updated, first_seen, changed_at, lang, categories, source_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, id);
        ps.setString(2, item.url() == null ? null : item.url().toString());
        ps.setString(3, item.guid());
        ps.setString(4, item.title());
        ps.setString(5, item.summary());
        ps.setString(6, item.contentText());
        ps.setString(7, item.contentHtml());
        ps.setString(8, item.author());
        setInstant(ps, 9, item.published());
        setInstant(ps, 10, item.updated());
        ps.setLong(11, now);
        ps.setLong(12, now);
        ps.setString(13, item.lang());
        ps.setString(14, String.join("\n", item.categories()));
        ps.setString(15, sourceId);
        ps.executeUpdate();
      }
    }

    private void link(String itemId, String key) throws SQLException {
      String sql =
          "INSERT OR IGNORE INTO item_sources (source_id, item_key, item_id, first_seen) VALUES (?,?,?,?)";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, sourceId);
        ps.setString(2, key);
        ps.setString(3, itemId);
        ps.setLong(4, now);
        ps.executeUpdate();
      }
    }

    private String newId(String seed) throws SQLException {
      for (int salt = 0; ; salt++) {
        String id = hash(salt == 0 ? seed : seed + "\n" + salt).substring(0, 12);
        if (queryString("SELECT id FROM items WHERE id = ?", id).isEmpty()) {
          return id;
        }
      }
    }
  }

  /**
   * Identity of an item within its source: the guid, else the canonical URL, else a content hash.
   */
  static String key(ParsedItem item) {
    if (item.guid() != null) {
      return "g:" + item.guid();
    }
    if (item.url() != null) {
      return "u:" + item.url();
    }
    return "h:" + hash(item.title() + "\n" + item.published() + "\n" + item.summary());
  }

  private static String hash(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
                instant(rs, 5),
                rs.getString(6),
                rs.getString(7),
                rs.getLong(8),
                rs.getInt(9),
                instant(rs, 10),
                rs.getBoolean(11)));
      }
      return out;
    } catch (SQLException e) {
      throw failure("list sources", e);
    }
  }

  private static final String ITEM_COLUMNS =
      """
      i.id, i.title, i.url, i.source_id,
      (SELECT group_concat(source_id, char(10)) FROM (SELECT source_id FROM item_sources s WHERE s.item_id = i.id ORDER BY s.first_seen, s.rowid)),
      COALESCE(i.published, i.first_seen), i.lang,
      (SELECT group_concat(topic_id, char(10)) FROM item_topics t WHERE t.item_id = i.id),
      i.guid, i.updated, i.author, i.summary, i.content_text, i.first_seen, i.categories
      """;

  @Override
  public synchronized Optional<StoredItem> item(String id) {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM items i WHERE i.id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(storedItem(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read item " + id, e);
    }
  }

  @Override
  public synchronized void forEachItem(ItemFilter filter, Consumer<StoredItem> sink) {
    StringBuilder sql = new StringBuilder("SELECT " + ITEM_COLUMNS + " FROM items i WHERE 1 = 1");
    if (filter.since() != null) {
      sql.append(" AND COALESCE(i.published, i.first_seen) >= ?");
    }
    if (!filter.sources().isEmpty()) {
      sql.append(
              " AND EXISTS (SELECT 1 FROM item_sources s WHERE s.item_id = i.id AND s.source_id IN (")
          .append(String.join(",", java.util.Collections.nCopies(filter.sources().size(), "?")))
          .append("))");
    }
    sql.append(" ORDER BY COALESCE(i.published, i.first_seen), i.id");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int p = 1;
      if (filter.since() != null) {
        ps.setLong(p++, filter.since().toEpochMilli());
      }
      for (String s : filter.sources()) {
        ps.setString(p++, s);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(storedItem(rs));
        }
      }
    } catch (SQLException e) {
      throw failure("read items", e);
    }
  }

  @Override
  public synchronized void forEachIndexable(Consumer<IndexableItem> sink) {
    // A merge join of three scans in id order, cheaper than a correlated subquery per item.
    String items =
        "SELECT id, title, summary, content_text, lang, author, COALESCE(published, first_seen) FROM items ORDER BY id";
    try (Statement a = c.createStatement();
        Statement b = c.createStatement();
        Statement t = c.createStatement();
        ResultSet rs = a.executeQuery(items);
        ResultSet src =
            b.executeQuery("SELECT item_id, source_id FROM item_sources ORDER BY item_id");
        ResultSet top =
            t.executeQuery("SELECT item_id, topic_id FROM item_topics ORDER BY item_id")) {
      boolean moreSources = src.next();
      boolean moreTopics = top.next();
      while (rs.next()) {
        String id = rs.getString(1);
        List<String> sources = new ArrayList<>(2);
        while (moreSources && src.getString(1).compareTo(id) <= 0) {
          if (src.getString(1).equals(id)) {
            sources.add(src.getString(2));
          }
          moreSources = src.next();
        }
        List<String> topics = new ArrayList<>(2);
        while (moreTopics && top.getString(1).compareTo(id) <= 0) {
          if (top.getString(1).equals(id)) {
            topics.add(top.getString(2));
          }
          moreTopics = top.next();
        }
        sink.accept(
            new IndexableItem(
                id,
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)),
                sources,
                topics));
      }
    } catch (SQLException e) {
      throw failure("read items for the index", e);
    }
  }

  private static StoredItem storedItem(ResultSet rs) throws SQLException {
    return new StoredItem(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        lines(rs.getString(5)),
        instant(rs, 6),
        rs.getString(7),
        lines(rs.getString(8)),
        rs.getString(9),
        instant(rs, 10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        instant(rs, 14),
        lines(rs.getString(15)));
  }

  private static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
  }

  @Override
  public synchronized StoreStats stats() {
    try {
      long sources = queryLong("SELECT COUNT(*) FROM sources");
      long items = queryLong("SELECT COUNT(*) FROM items");
      Optional<String> last = queryString("SELECT MAX(at) FROM crawl_runs");
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
  public synchronized List<StoredItem> items(java.util.Collection<String> ids) {
    java.util.Map<String, StoredItem> byId = new java.util.HashMap<>();
    byIds(
        ids,
        "SELECT " + ITEM_COLUMNS + " FROM items i WHERE i.id IN",
        SqliteStore::storedItem,
        i -> byId.put(i.id(), i));
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /** A row turned into a value. */
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs {@code select} + " (?, ?, …)" over {@code ids} in chunks that SQLite accepts. */
  private <T> void byIds(
      java.util.Collection<String> ids, String select, RowReader<T> reader, Consumer<T> sink) {
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      String sql =
          select + " (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(reader.read(rs));
          }
        }
      } catch (SQLException e) {
        throw failure("read items", e);
      }
    }
  }

  @Override
  public synchronized List<StoredItem> itemsOfPeriod(
      Instant from, Instant to, java.time.Duration maxAge) {
    long day = 86_400_000L;
    long age = maxAge.toMillis();
    String plausible =
        "i.published <= i.first_seen + " + day + " AND i.published >= i.first_seen - " + age;
    String byDate =
        "SELECT "
            + ITEM_COLUMNS
            + " FROM items i WHERE i.published >= ? AND i.published < ? AND "
            + plausible;
    String bySighting =
        "SELECT "
            + ITEM_COLUMNS.replace("COALESCE(i.published, i.first_seen)", "i.first_seen")
            + " FROM items i WHERE i.first_seen >= ? AND i.first_seen < ? AND (i.published IS NULL OR NOT ("
            + plausible
            + "))";
    List<StoredItem> out = new ArrayList<>();
    for (String sql : List.of(byDate, bySighting)) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, from.toEpochMilli());
        ps.setLong(2, to.toEpochMilli());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(storedItem(rs));
          }
        }
      } catch (SQLException e) {
        throw failure("read the items of a period", e);
      }
    }
    return out;
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
                  instant(rs, 5),
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
      return queryString("SELECT week FROM deliveries ORDER BY week DESC LIMIT 1");
    } catch (SQLException e) {
      throw failure("read the delivery ledger", e);
    }
  }

  @Override
  public synchronized java.util.Map<String, ItemText> texts(java.util.Collection<String> ids) {
    java.util.Map<String, ItemText> out = new java.util.HashMap<>();
    byIds(
        ids,
        "SELECT id, lang, title, summary, content_text FROM items WHERE id IN",
        rs ->
            new ItemText(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)),
        t -> out.put(t.id(), t));
    return out;
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
      return queryLong("SELECT COUNT(*) FROM items WHERE indexed = 1");
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

  private Optional<String> queryString(String sql, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private long queryLong(String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static void setInstant(PreparedStatement ps, int col, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(col, Types.INTEGER);
    } else {
      ps.setLong(col, t.toEpochMilli());
    }
  }

  private static void setInt(PreparedStatement ps, int col, int v) throws SQLException {
    if (v == 0) {
      ps.setNull(col, Types.INTEGER);
    } else {
      ps.setInt(col, v);
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException("store " + file + ": cannot " + what + ": " + e.getMessage(), e);
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
