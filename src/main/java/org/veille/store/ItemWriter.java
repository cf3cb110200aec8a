package org.veille.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.veille.cluster.ClusterRule;
import org.veille.parse.ParsedItem;

/**
 * Writes one source's items, recognising those already stored (same source key or same URL), with
 * the save's {@link Statements}.
 */
final class ItemWriter {
  private final Statements statements;
  private final String sourceId;
  private final long now;
  private final List<String> changed = new ArrayList<>();
  private final ClusterWriter clusters;
  private int added;
  private int updated;

  ItemWriter(Statements statements, String sourceId, Instant at, UnsettledBands unsettled) {
    this.statements = statements;
    this.sourceId = sourceId;
    this.now = at.toEpochMilli();
    this.clusters = new ClusterWriter(statements, ClusterRule.DEFAULT, unsettled);
  }

  private PreparedStatement statement(String sql) throws SQLException {
    return statements.get(sql);
  }

  private Optional<String> queryString(String sql, String... args) throws SQLException {
    PreparedStatement ps = statement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setString(i + 1, args[i]);
    }
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    }
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
        queryString(
            "SELECT item_id FROM item_sources WHERE source_id = ? AND item_key = ?", sourceId, key);
    FullText ft = enriched.fulltext();
    if (known.isPresent()) {
      if (updateIfChanged(known.get(), item)) {
        setTopics(known.get(), topics);
        PlaceRows.write(statements, known.get(), enriched.places());
        CallRows.write(statements, known.get(), enriched.call());
        if (ft != null) {
          ArticleRows.write(statements, known.get(), ft, false);
        }
      } else if (ft != null
          && (ft.status() == FullText.Status.FETCHED || ft.status() == FullText.Status.FAILED)
          && ft.attempts() > 0) {
        // a retry of an unchanged item's article (or a teaser fetched once its turn came)
        ArticleRows.write(statements, known.get(), ft, true);
        if (ft.status() == FullText.Status.FETCHED) {
          setTopics(known.get(), topics);
          PlaceRows.write(statements, known.get(), enriched.places());
          CallRows.write(statements, known.get(), enriched.call());
          updated++;
          changed.add(known.get());
        }
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
    ClusterWriter.Placement placement = null;
    if (enriched.signature() != null) {
      Instant at = item.published() == null ? Instant.ofEpochMilli(now) : item.published();
      placement = clusters.place(sourceId, at, enriched.signature());
    }
    insert(id, item, placement);
    if (ft != null) {
      ArticleRows.write(statements, id, ft, false);
    }
    link(id, key);
    setTopics(id, topics);
    PlaceRows.write(statements, id, enriched.places());
    if (enriched.call().isCall()) {
      CallRows.write(statements, id, enriched.call());
    }
    added++;
    changed.add(id);
    if (placement != null) {
      clusters.record(id, placement).ifPresent(changed::add);
    }
  }

  /** Updates a known item whose title or summary changed; true if it did. */
  private boolean updateIfChanged(String id, ParsedItem item) throws SQLException {
    PreparedStatement select =
        statement("SELECT title, summary, source_id FROM items WHERE id = ?");
    select.setString(1, id);
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next() || !rs.getString(3).equals(sourceId)) {
        return false; // only the source that first brought an article gives its text
      }
      if (rs.getString(1).equals(item.title()) && rs.getString(2).equals(item.summary())) {
        return false;
      }
    }
    String sql =
        "UPDATE items SET title = ?, summary = ?, content_text = ?, content_html = ?, author = ?, updated = ?, categories = ?, changed_at = ?, indexed = 0 WHERE id = ?";
    {
      PreparedStatement ps = statement(sql);
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
    PreparedStatement del = statement("DELETE FROM item_topics WHERE item_id = ?");
    del.setString(1, id);
    del.executeUpdate();
    if (topics.isEmpty()) {
      return;
    }
    PreparedStatement ins =
        statement("INSERT OR IGNORE INTO item_topics (item_id, topic_id) VALUES (?, ?)");
    for (String t : topics) {
      ins.setString(1, id);
      ins.setString(2, t);
      ins.executeUpdate();
    }
  }

  private void markUnindexed(String id) throws SQLException {
    PreparedStatement ps = statement("UPDATE items SET indexed = 0 WHERE id = ?");
    ps.setString(1, id);
    ps.executeUpdate();
  }

  /** Inserts a new item, with its signature and cluster when {@code placement} is not null. */
  private void insert(String id, ParsedItem item, ClusterWriter.Placement placement)
      throws SQLException {
    String sql =
        "INSERT INTO items (id, url, guid, title, summary, content_text, content_html, author, published, updated, first_seen, changed_at, lang, categories, source_id, signature, cluster) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    {
      PreparedStatement ps = statement(sql);
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
      ps.setBytes(16, placement == null ? null : placement.signature().bytes());
      ps.setString(17, placement == null ? null : placement.cluster());
      ps.executeUpdate();
    }
  }

  private void link(String itemId, String key) throws SQLException {
    String sql =
        "INSERT OR IGNORE INTO item_sources (source_id, item_key, item_id, first_seen) VALUES (?,?,?,?)";
    {
      PreparedStatement ps = statement(sql);
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
