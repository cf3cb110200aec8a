package org.veille.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link EditorialStore} on SQLite: {@code drafts}, {@code draft_decisions}, {@code draft_items}.
 */
final class SqliteDrafts implements EditorialStore {
  private final SqliteDb db;

  SqliteDrafts(SqliteDb db) {
    this.db = db;
  }

  @Override
  public Optional<DraftRecord> draft(String audience, String week) {
    return db.read(
        "read the draft of " + audience + " " + week,
        c -> {
          String edito = null;
          java.time.Instant approved = null;
          java.time.Instant reopened = null;
          java.time.Instant held = null;
          boolean found = false;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT edito, approved_at, reopened_at, held_notice_at FROM drafts"
                      + " WHERE audience = ? AND week = ?")) {
            ps.setString(1, audience);
            ps.setString(2, week);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                found = true;
                edito = rs.getString(1);
                approved = Sql.instant(rs, 2);
                reopened = Sql.instant(rs, 3);
                held = Sql.instant(rs, 4);
              }
            }
          }
          List<DraftRecord.Decision> decisions = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT item_id, kind, value, at FROM draft_decisions"
                      + " WHERE audience = ? AND week = ? ORDER BY id")) {
            ps.setString(1, audience);
            ps.setString(2, week);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                decisions.add(
                    new DraftRecord.Decision(
                        rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, 4)));
              }
            }
          }
          Map<String, Integer> numbers = new LinkedHashMap<>();
          Set<String> seen = new HashSet<>();
          readItems(c, audience, week, numbers, seen);
          if (!found && decisions.isEmpty() && numbers.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(
              new DraftRecord(
                  audience, week, edito, approved, reopened, held, decisions, numbers, seen));
        });
  }

  private static void readItems(
      Connection c, String audience, String week, Map<String, Integer> numbers, Set<String> seen)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT item_id, n, seen FROM draft_items WHERE audience = ? AND week = ? ORDER BY n")) {
      ps.setString(1, audience);
      ps.setString(2, week);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          numbers.put(rs.getString(1), rs.getInt(2));
          if (rs.getInt(3) == 1) {
            seen.add(rs.getString(1));
          }
        }
      }
    }
  }

  @Override
  public void save(DraftRecord d) {
    db.write(
        "save the draft of " + d.audience() + " " + d.week(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO drafts (audience, week, edito, approved_at, reopened_at,"
                      + " held_notice_at, updated_at) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, d.audience());
            ps.setString(2, d.week());
            ps.setString(3, d.edito());
            Sql.setInstant(ps, 4, d.approvedAt());
            Sql.setInstant(ps, 5, d.reopenedAt());
            Sql.setInstant(ps, 6, d.heldNoticeAt());
            ps.setLong(7, System.currentTimeMillis());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM draft_decisions WHERE audience = ? AND week = ?")) {
            ps.setString(1, d.audience());
            ps.setString(2, d.week());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO draft_decisions (audience, week, item_id, kind, value, at)"
                      + " VALUES (?,?,?,?,?,?)")) {
            for (DraftRecord.Decision x : d.decisions()) {
              ps.setString(1, d.audience());
              ps.setString(2, d.week());
              ps.setString(3, x.itemId());
              ps.setString(4, x.kind());
              ps.setString(5, x.value());
              ps.setLong(6, x.at().toEpochMilli());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public Map<String, Integer> look(String audience, String week, List<String> itemIds) {
    return numbered(audience, week, itemIds, true);
  }

  @Override
  public Map<String, Integer> number(String audience, String week, List<String> itemIds) {
    return numbered(audience, week, itemIds, false);
  }

  private Map<String, Integer> numbered(
      String audience, String week, List<String> itemIds, boolean look) {
    return db.write(
        "number the items of the draft of " + audience + " " + week,
        c -> {
          Map<String, Integer> numbers = new LinkedHashMap<>();
          readItems(c, audience, week, numbers, new HashSet<>());
          int next = numbers.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO draft_items (audience, week, item_id, n, seen) VALUES (?,?,?,?,0)")) {
            for (String id : itemIds) {
              if (!numbers.containsKey(id)) {
                numbers.put(id, next);
                ps.setString(1, audience);
                ps.setString(2, week);
                ps.setString(3, id);
                ps.setInt(4, next++);
                ps.executeUpdate();
              }
            }
          }
          if (look) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE draft_items SET seen = 0 WHERE audience = ? AND week = ?")) {
              ps.setString(1, audience);
              ps.setString(2, week);
              ps.executeUpdate();
            }
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE draft_items SET seen = 1 WHERE audience = ? AND week = ? AND item_id = ?")) {
              for (String id : itemIds) {
                ps.setString(1, audience);
                ps.setString(2, week);
                ps.setString(3, id);
                ps.addBatch();
              }
              ps.executeBatch();
            }
          }
          return numbers;
        });
  }
}
