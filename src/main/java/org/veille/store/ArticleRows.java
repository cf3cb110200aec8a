package org.veille.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veille.parse.ParsedItem;

/**
 * The full-text columns of {@code items} ({@code content_source}, {@code fulltext_status}, {@code
 * fulltext_reason}, {@code fulltext_attempts}, the article's {@code fulltext_etag} and {@code
 * fulltext_modified}): written from a {@link FullText}, read back for the full-text step as {@link
 * KnownItem}s.
 */
final class ArticleRows {
  private ArticleRows() {}

  /** The columns {@link ItemReader} appends to an item's: source, status, reason. */
  static final String COLUMNS = "i.content_source, i.fulltext_status, i.fulltext_reason";

  private static final String BY_KEY =
      "SELECT i.id, i.title, i.summary, i.source_id, i.fulltext_status, i.fulltext_attempts, i.fulltext_etag, i.fulltext_modified FROM item_sources s JOIN items i ON i.id = s.item_id WHERE s.source_id = ? AND s.item_key = ?";
  private static final String BY_URL =
      "SELECT i.id, i.title, i.summary, i.source_id, i.fulltext_status, i.fulltext_attempts, i.fulltext_etag, i.fulltext_modified FROM items i WHERE i.url = ?";

  /** What is stored of each of {@code items} as {@code sourceId} gives them, in order. */
  static List<Optional<KnownItem>> known(Connection c, String sourceId, List<ParsedItem> items)
      throws SQLException {
    List<Optional<KnownItem>> out = new ArrayList<>(items.size());
    try (PreparedStatement byKey = c.prepareStatement(BY_KEY);
        PreparedStatement byUrl = c.prepareStatement(BY_URL)) {
      for (ParsedItem item : items) {
        byKey.setString(1, sourceId);
        byKey.setString(2, ItemWriter.key(item));
        Optional<KnownItem> k = read(byKey, sourceId, item);
        if (k.isEmpty() && item.url() != null) {
          byUrl.setString(1, item.url().toString());
          k = read(byUrl, sourceId, item);
        }
        out.add(k);
      }
    }
    return out;
  }

  private static Optional<KnownItem> read(PreparedStatement ps, String sourceId, ParsedItem item)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      boolean unchanged =
          item.title().equals(rs.getString(2)) && item.summary().equals(rs.getString(3));
      return Optional.of(
          new KnownItem(
              rs.getString(1),
              unchanged,
              !sourceId.equals(rs.getString(4)),
              FullText.Status.of(rs.getString(5)),
              rs.getInt(6),
              rs.getString(7),
              rs.getString(8)));
    }
  }

  /**
   * Records {@code ft} on item {@code id}; with {@code content}, a fetched article's text also
   * replaces the stored content (for an item whose feed text did not change, so was not rewritten).
   */
  static void write(Statements s, String id, FullText ft, boolean content) throws SQLException {
    String sql =
        content && ft.status() == FullText.Status.FETCHED
            ? "UPDATE items SET content_source = ?, fulltext_status = ?, fulltext_reason = ?, fulltext_attempts = ?, fulltext_etag = ?, fulltext_modified = ?, content_text = ?, content_html = ?, indexed = 0 WHERE id = ?"
            : "UPDATE items SET content_source = ?, fulltext_status = ?, fulltext_reason = ?, fulltext_attempts = ?, fulltext_etag = ?, fulltext_modified = ? WHERE id = ?";
    PreparedStatement ps = s.get(sql);
    int p = 1;
    ps.setString(p++, ft.contentSource());
    ps.setString(p++, ft.status().column());
    ps.setString(p++, ft.reason());
    ps.setInt(p++, ft.attempts());
    ps.setString(p++, ft.etag());
    ps.setString(p++, ft.lastModified());
    if (content && ft.status() == FullText.Status.FETCHED) {
      ps.setString(p++, ft.text());
      ps.setString(p++, ft.html());
    }
    ps.setString(p, id);
    ps.executeUpdate();
  }

  /**
   * The article stored for item {@code id}, when its content is a fetched article: what a 304 to
   * the conditional GET of that page leaves in place.
   */
  static Optional<FullText> article(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT fulltext_reason, fulltext_attempts, content_text, content_html, fulltext_etag,"
                + " fulltext_modified FROM items WHERE id = ? AND fulltext_status = 'fetched'")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            FullText.fetched(
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6)));
      }
    }
  }

  /** How many of a source's items have a failed full text, for its health. */
  static final String FAILED_COUNT =
      "SELECT COUNT(*) FROM items WHERE source_id = ? AND fulltext_status = 'failed'";
}
