package org.veille.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veille.config.SourceConfig;

/** {@link SourceStore} on SQLite: the {@code sources}, {@code fetch_log} and {@code crawl_runs}. */
final class SqliteSources implements SourceStore {
  private final SqliteDb db;

  SqliteSources(SqliteDb db) {
    this.db = db;
  }

  @Override
  public void sync(List<SourceConfig> sources) {
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
    db.write(
        "record the sources of the config",
        c -> {
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
  public Optional<SourceState> state(String id) {
    String sql =
        "SELECT url, etag, last_modified, feed_url, consecutive_failures, next_attempt_at FROM sources WHERE id = ?";
    return db.read(
        "read source " + id,
        c -> {
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
          }
        });
  }

  /**
   * Writes a fetch's outcome on its source and in the fetch log, inside the caller's transaction.
   */
  static void recordFetch(Statements s, FetchRecord r, SaveResult saved) throws SQLException {
    update(s, r);
    log(s, r, saved);
  }

  private static void update(Statements s, FetchRecord r) throws SQLException {
    boolean ok = r.outcome() != FetchRecord.Outcome.FAILED;
    String sql =
        """
        UPDATE sources SET last_fetch_at = ?, last_status = ?, last_error = ?, http_status = ?,
          consecutive_failures = ?, next_attempt_at = ?, broken_selector = ?,
          last_ok_at = CASE WHEN ? THEN ? ELSE last_ok_at END,
          etag = CASE WHEN ? THEN ? ELSE etag END,
          last_modified = CASE WHEN ? THEN ? ELSE last_modified END,
          feed_url = COALESCE(?, feed_url),
          feed_title = COALESCE(?, feed_title),
          feed_link = COALESCE(?, feed_link),
          feed_language = COALESCE(?, feed_language),
          feed_truncated = CASE WHEN ? THEN ? ELSE feed_truncated END,
          feed_notes = CASE WHEN ? THEN ? ELSE feed_notes END
        WHERE id = ?
        """;
    FetchRecord.Transfer t = r.transfer();
    PreparedStatement ps = s.get(sql);
    ps.setLong(1, r.at().toEpochMilli());
    ps.setString(2, r.outcome().label());
    ps.setString(3, r.error());
    Sql.setInt(ps, 4, t.httpStatus());
    ps.setInt(5, r.consecutiveFailures());
    Sql.setInstant(ps, 6, r.nextAttemptAt());
    ps.setBoolean(7, r.brokenSelector());
    ps.setBoolean(8, ok);
    ps.setLong(9, r.at().toEpochMilli());
    boolean newValidators = r.outcome() == FetchRecord.Outcome.OK;
    ps.setBoolean(10, newValidators);
    ps.setString(11, t.etag());
    ps.setBoolean(12, newValidators);
    ps.setString(13, t.lastModified());
    ps.setString(14, t.discoveredFeedUrl());
    ps.setString(15, r.feedInfo().map(FetchRecord.Feed::title).orElse(null));
    ps.setString(16, r.feedInfo().map(FetchRecord.Feed::link).orElse(null));
    ps.setString(17, r.feedInfo().map(FetchRecord.Feed::language).orElse(null));
    boolean parsed = r.feedInfo().isPresent();
    ps.setBoolean(18, parsed);
    ps.setBoolean(19, r.feedInfo().map(FetchRecord.Feed::truncated).orElse(false));
    ps.setBoolean(20, parsed);
    ps.setString(
        21,
        r.feedInfo()
            .map(f -> f.notes().isEmpty() ? null : String.join("\n", f.notes()))
            .orElse(null));
    ps.setString(22, r.sourceId());
    if (ps.executeUpdate() != 1) {
      throw new StoreException("unknown source '" + r.sourceId() + "' (call sync first)");
    }
  }

  private static void log(Statements s, FetchRecord r, SaveResult saved) throws SQLException {
    String sql =
        "INSERT INTO fetch_log (source_id, at, outcome, http_status, duration_ms, bytes, new_items, updated_items, error) VALUES (?,?,?,?,?,?,?,?,?)";
    PreparedStatement ps = s.get(sql);
    ps.setString(1, r.sourceId());
    ps.setLong(2, r.at().toEpochMilli());
    ps.setString(3, r.outcome().label());
    Sql.setInt(ps, 4, r.transfer().httpStatus());
    ps.setLong(5, r.transfer().durationMs());
    ps.setLong(6, r.transfer().bytes());
    ps.setInt(7, saved.newItems());
    ps.setInt(8, saved.updatedItems());
    ps.setString(9, r.error());
    ps.executeUpdate();
  }

  @Override
  public void recordCrawl(Instant at, int sources, int failed, int newItems) {
    db.write(
        "record the crawl",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO crawl_runs (at, sources, failed, new_items) VALUES (?,?,?,?)")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setInt(2, sources);
            ps.setInt(3, failed);
            ps.setInt(4, newItems);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<CrawlRun> lastCrawl() {
    String sql =
        "SELECT at, sources, failed, new_items FROM crawl_runs ORDER BY at DESC, id DESC LIMIT 1";
    return db.read(
        "read the last crawl",
        c -> {
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery(sql)) {
            return rs.next()
                ? Optional.of(
                    new CrawlRun(
                        Instant.ofEpochMilli(rs.getLong(1)),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getInt(4)))
                : Optional.empty();
          }
        });
  }

  @Override
  public List<SourceStatus> statuses() {
    String sql =
        """
        SELECT s.id, COALESCE(s.name, s.feed_title, s.id), s.type, s.url, s.last_fetch_at, s.last_status,
          s.last_error, (SELECT COUNT(*) FROM item_sources i WHERE i.source_id = s.id),
          s.consecutive_failures, s.next_attempt_at, s.broken_selector,
          s.feed_title, s.feed_link, s.feed_language, s.feed_truncated, s.feed_notes,
          (SELECT COUNT(*) FROM items i WHERE i.source_id = s.id AND i.content_source = 'article'),
          (SELECT COUNT(*) FROM items i WHERE i.source_id = s.id AND i.fulltext_status = 'failed'),
          (SELECT i.fulltext_reason FROM items i WHERE i.source_id = s.id AND i.fulltext_status = 'failed' ORDER BY i.changed_at DESC LIMIT 1)
        FROM sources s ORDER BY s.id
        """;
    return db.read(
        "list sources",
        c -> {
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
                      rs.getBoolean(11),
                      new SourceStatus.FeedInfo(
                          rs.getString(12),
                          rs.getString(13),
                          rs.getString(14),
                          rs.getBoolean(15),
                          Sql.lines(rs.getString(16))),
                      new SourceStatus.Articles(rs.getLong(17), rs.getLong(18), rs.getString(19))));
            }
          }
          return out;
        });
  }
}
