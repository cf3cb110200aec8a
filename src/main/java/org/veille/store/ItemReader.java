package org.veille.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The read side of the SQLite store: items in full, for the index, for a period, by id. */
final class ItemReader {
  private ItemReader() {}

  /** Items in the cluster of item {@code i} (1 outside a cluster). */
  static final String CLUSTER_SIZE =
      "CASE WHEN i.cluster IS NULL THEN 1 ELSE (SELECT COUNT(*) FROM items m WHERE m.cluster = i.cluster) END";

  /** The sources of all items of the cluster of {@code i}, in the order they carried the story. */
  static final String CLUSTER_SOURCES =
      "CASE WHEN i.cluster IS NULL THEN NULL ELSE (SELECT group_concat(source_id, char(10)) FROM (SELECT s.source_id FROM items m JOIN item_sources s ON s.item_id = m.id WHERE m.cluster = i.cluster ORDER BY s.first_seen, s.rowid)) END";

  private static final String ITEM_COLUMNS =
      """
      i.id, i.title, i.url, i.source_id,
      (SELECT group_concat(source_id, char(10)) FROM (SELECT source_id FROM item_sources s WHERE s.item_id = i.id ORDER BY s.first_seen, s.rowid)),
      COALESCE(i.published, i.first_seen), i.lang,
      (SELECT group_concat(topic_id, char(10)) FROM item_topics t WHERE t.item_id = i.id),
      i.guid, i.updated, i.author, i.summary, i.content_text, i.first_seen, i.categories,
      (SELECT src.feed_title FROM sources src WHERE src.id = i.source_id),
      """
          + PlaceRows.COLUMN
          + ",\n"
          + CallRows.COLUMN
          + ", "
          + ArticleRows.COLUMNS
          + ", i.cluster, "
          + CLUSTER_SIZE
          + ", "
          + CLUSTER_SOURCES;

  static Optional<StoredItem> item(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM items i WHERE i.id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(storedItem(rs)) : Optional.empty();
      }
    }
  }

  static void forEach(Connection c, ItemFilter filter, Consumer<StoredItem> sink)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + ITEM_COLUMNS + " FROM items i WHERE 1 = 1");
    if (filter.since() != null) {
      sql.append(" AND COALESCE(i.published, i.first_seen) >= ?");
    }
    if (filter.until() != null) {
      sql.append(" AND COALESCE(i.published, i.first_seen) <= ?");
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
      if (filter.until() != null) {
        ps.setLong(p++, filter.until().toEpochMilli());
      }
      for (String s : filter.sources()) {
        ps.setString(p++, s);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(storedItem(rs));
        }
      }
    }
  }

  static void forEachIndexable(Connection c, Consumer<IndexableItem> sink) throws SQLException {
    // A merge join of three scans in id order, cheaper than a correlated subquery per item.
    String items =
        "SELECT id, title, summary, content_text, lang, author, COALESCE(published, first_seen), "
            + CallRows.COLUMN
            + ", cluster FROM items i ORDER BY id";
    try (Statement a = c.createStatement();
        Statement b = c.createStatement();
        Statement t = c.createStatement();
        Statement p = c.createStatement();
        ResultSet rs = a.executeQuery(items);
        ResultSet src =
            b.executeQuery("SELECT item_id, source_id FROM item_sources ORDER BY item_id");
        ResultSet top =
            t.executeQuery("SELECT item_id, topic_id FROM item_topics ORDER BY item_id");
        ResultSet pla =
            p.executeQuery(
                "SELECT item_id, kind, code, name FROM item_places ORDER BY item_id, position")) {
      boolean moreSources = src.next();
      boolean moreTopics = top.next();
      boolean morePlaces = pla.next();
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
        PlaceRows.Accumulator places = new PlaceRows.Accumulator();
        while (morePlaces && pla.getString(1).compareTo(id) <= 0) {
          if (pla.getString(1).equals(id)) {
            places.add(pla.getString(2), pla.getString(3), pla.getString(4));
          }
          morePlaces = pla.next();
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
                topics,
                places.places(),
                CallRows.decode(rs.getString(8)),
                rs.getString(9)));
      }
    }
  }

  private static StoredItem storedItem(ResultSet rs) throws SQLException {
    return new StoredItem(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Sql.lines(rs.getString(5)),
        Sql.instant(rs, 6),
        rs.getString(7),
        Sql.lines(rs.getString(8)),
        rs.getString(9),
        Sql.instant(rs, 10),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        Sql.instant(rs, 14),
        Sql.lines(rs.getString(15)),
        rs.getString(16),
        PlaceRows.decode(rs.getString(17)),
        CallRows.decode(rs.getString(18)),
        rs.getString(19),
        fullTextLine(rs.getString(20), rs.getString(21)),
        rs.getString(22),
        rs.getInt(23),
        Sql.lines(rs.getString(24)).stream().distinct().toList());
  }

  private static String fullTextLine(String status, String reason) {
    if (status == null) {
      return null;
    }
    FullText.Status s = FullText.Status.of(status);
    return FullText.notFetched(s, reason).line();
  }

  static List<StoredItem> calls(Connection c) throws SQLException {
    List<StoredItem> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + ITEM_COLUMNS
                    + " FROM items i WHERE i.id IN (SELECT item_id FROM item_calls)");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(storedItem(rs));
      }
    }
    return out;
  }

  /** The items of cluster {@code cluster}, in the order they were first seen. */
  static List<StoredItem> cluster(Connection c, String cluster) throws SQLException {
    List<StoredItem> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + ITEM_COLUMNS
                + " FROM items i WHERE i.cluster = ? ORDER BY i.first_seen, i.id")) {
      ps.setString(1, cluster);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(storedItem(rs));
        }
      }
    }
    return out;
  }

  static List<StoredItem> items(Connection c, java.util.Collection<String> ids)
      throws SQLException {
    java.util.Map<String, StoredItem> byId = new java.util.HashMap<>();
    byIds(
        c,
        ids,
        "SELECT " + ITEM_COLUMNS + " FROM items i WHERE i.id IN",
        ItemReader::storedItem,
        i -> byId.put(i.id(), i));
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /** A row turned into a value. */
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs {@code select} + " (?, ?, …)" over {@code ids} in chunks that SQLite accepts. */
  private static <T> void byIds(
      Connection c,
      java.util.Collection<String> ids,
      String select,
      RowReader<T> reader,
      Consumer<T> sink)
      throws SQLException {
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
      }
    }
  }

  static List<StoredItem> ofPeriod(
      Connection c, Instant from, Instant to, java.time.Duration maxAge) throws SQLException {
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
      }
    }
    return out;
  }

  static java.util.Map<String, ItemText> texts(Connection c, java.util.Collection<String> ids)
      throws SQLException {
    java.util.Map<String, ItemText> out = new java.util.HashMap<>();
    byIds(
        c,
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
}
