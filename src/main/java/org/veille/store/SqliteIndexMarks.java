package org.veille.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link IndexMarks} on SQLite: the {@code indexed} flag of items, {@code item_topics} and the
 * {@code topic_queries} they come from.
 */
final class SqliteIndexMarks implements IndexMarks {
  private final SqliteDb db;

  SqliteIndexMarks(SqliteDb db) {
    this.db = db;
  }

  @Override
  public List<String> unindexed(int limit) {
    return db.read(
        "list unindexed items",
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id FROM items WHERE indexed = 0 LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
          }
          return out;
        });
  }

  @Override
  public void markIndexed(Collection<String> ids) {
    db.write(
        "mark items indexed",
        c -> {
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
  public void markAllIndexed() {
    db.write(
        "mark items indexed",
        c -> {
          try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE items SET indexed = 1 WHERE indexed = 0");
          }
          return null;
        });
  }

  @Override
  public long indexedCount() {
    return db.read(
        "count indexed items",
        c -> Sql.queryLong(c, "SELECT COUNT(*) FROM items WHERE indexed = 1"));
  }

  @Override
  public Map<String, String> topicQueries() {
    return db.read(
        "read topic queries",
        c -> {
          Map<String, String> out = new LinkedHashMap<>();
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("SELECT id, query FROM topic_queries ORDER BY id")) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getString(2));
            }
          }
          return out;
        });
  }

  @Override
  public int retag(Map<String, String> queries, Map<String, Set<String>> matches) {
    return db.write(
        "re-tag items",
        c -> {
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
}
