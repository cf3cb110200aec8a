package org.veille.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.veille.parse.ParsedItem;

/** Writes one source's items, recognising those already stored (same source key or same URL). */
final class ItemWriter {
  private final Connection c;
  private final String sourceId;
  private final long now;
  private final List<String> changed = new ArrayList<>();
  private int added;
  private int updated;

  ItemWriter(Connection c, String sourceId, Instant at) {
    this.c = c;
    this.sourceId = sourceId;
    this.now = at.toEpochMilli();
  }

  /** What was written so far: new and updated items, and the ids to index again. */
  SaveResult result() {
    return new SaveResult(added, updated, changed);
  }

  void save(EnrichedItem enriched) throws SQLException {
    ParsedItem item = enriched.parsed();
    List<String> topics = enriched.topics();
    String key = key(item);
    Optional<String> known =
        Sql.queryString(
            c,
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
        url == null
            ? Optional.empty()
            : Sql.queryString(c, "SELECT id FROM items WHERE url = ?", url);
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
      Sql.setInstant(ps, 6, item.updated());
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
    try (PreparedStatement del = c.prepareStatement("DELETE FROM item_topics WHERE item_id = ?")) {
      del.setString(1, id);
      del.executeUpdate();
    }
    try (PreparedStatement ins =
        c.prepareStatement("INSERT OR IGNORE INTO item_topics (item_id, topic_id) VALUES (?, ?)")) {
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
      Sql.setInstant(ps, 9, item.published());
      Sql.setInstant(ps, 10, item.updated());
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
      if (Sql.queryString(c, "SELECT id FROM items WHERE id = ?", id).isEmpty()) {
        return id;
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
}
