package org.veille.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link LetterArchive} on SQLite: {@code letters} and {@code letter_items}. */
final class SqliteArchive implements LetterArchive {
  private static final String COLUMNS =
      "audience, week, version, status, subject, edito, html, text, md, json, created_at, sent_at";

  private final SqliteDb db;

  SqliteArchive(SqliteDb db) {
    this.db = db;
  }

  @Override
  public int record(ArchivedLetter l) {
    return db.write(
        "archive the letter " + l.key(),
        c -> {
          Optional<ArchivedLetter> last = latest(c, l.audience(), l.week(), false);
          if (last.isPresent()
              && last.get().html().equals(l.html())
              && last.get().text().equals(l.text())) {
            int v = last.get().version();
            if (!last.get().status().equals("sent")) {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE letters SET status = ? WHERE audience = ? AND week = ? AND version = ?")) {
                ps.setString(1, l.status());
                ps.setString(2, l.audience());
                ps.setString(3, l.week());
                ps.setInt(4, v);
                ps.executeUpdate();
              }
            }
            return v;
          }
          int version = last.map(x -> x.version() + 1).orElse(1);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO letters (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, l.audience());
            ps.setString(2, l.week());
            ps.setInt(3, version);
            ps.setString(4, l.status());
            ps.setString(5, l.subject());
            ps.setString(6, l.edito());
            ps.setString(7, l.html());
            ps.setString(8, l.text());
            ps.setString(9, l.md());
            ps.setString(10, l.json());
            ps.setLong(11, l.createdAt().toEpochMilli());
            Sql.setInstant(ps, 12, l.sentAt());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO letter_items (audience, week, version, position, item_id, section,"
                      + " title, summary, url, overridden) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (ArchivedLetter.Item i : l.items()) {
              ps.setString(1, l.audience());
              ps.setString(2, l.week());
              ps.setInt(3, version);
              ps.setInt(4, i.position());
              ps.setString(5, i.itemId());
              ps.setString(6, i.section());
              ps.setString(7, i.title());
              ps.setString(8, i.summary());
              ps.setString(9, i.url());
              ps.setInt(10, i.overridden() ? 1 : 0);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return version;
        });
  }

  @Override
  public void markSent(String audience, String week, int version, Instant at) {
    db.write(
        "mark the letter " + audience + "/" + week + " sent",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE letters SET status = 'sent', sent_at = COALESCE(sent_at, ?)"
                      + " WHERE audience = ? AND week = ? AND version = ?")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, audience);
            ps.setString(3, week);
            ps.setInt(4, version);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<ArchivedLetter> list(String audience) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM letters l WHERE version = (SELECT MAX(version) FROM letters x"
            + " WHERE x.audience = l.audience AND x.week = l.week)"
            + (audience == null ? "" : " AND audience = ?")
            + " ORDER BY week DESC, audience";
    return db.read(
        "read the letter archive",
        c -> {
          List<ArchivedLetter> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (audience != null) {
              ps.setString(1, audience);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(letter(rs, List.of()));
              }
            }
          }
          return out;
        });
  }

  @Override
  public Optional<ArchivedLetter> latest(String audience, String week) {
    return db.read(
        "read the letter " + audience + "/" + week, c -> latest(c, audience, week, true));
  }

  private static Optional<ArchivedLetter> latest(
      Connection c, String audience, String week, boolean withItems) throws SQLException {
    ArchivedLetter head = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM letters WHERE audience = ? AND week = ? ORDER BY version DESC LIMIT 1")) {
      ps.setString(1, audience);
      ps.setString(2, week);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          head = letter(rs, List.of());
        }
      }
    }
    if (head == null || !withItems) {
      return Optional.ofNullable(head);
    }
    List<ArchivedLetter.Item> items = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT position, item_id, section, title, summary, url, overridden FROM letter_items"
                + " WHERE audience = ? AND week = ? AND version = ? ORDER BY position")) {
      ps.setString(1, audience);
      ps.setString(2, week);
      ps.setInt(3, head.version());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(
              new ArchivedLetter.Item(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getInt(7) == 1));
        }
      }
    }
    return Optional.of(
        new ArchivedLetter(
            head.audience(),
            head.week(),
            head.version(),
            head.status(),
            head.subject(),
            head.edito(),
            head.html(),
            head.text(),
            head.md(),
            head.json(),
            head.createdAt(),
            head.sentAt(),
            items));
  }

  private static ArchivedLetter letter(ResultSet rs, List<ArchivedLetter.Item> items)
      throws SQLException {
    return new ArchivedLetter(
        rs.getString(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        Sql.instant(rs, 11),
        Sql.instant(rs, 12),
        items);
  }

  @Override
  public Map<String, List<String>> sentIn(Collection<String> itemIds) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (itemIds.isEmpty()) {
      return out;
    }
    return db.read(
        "read the letter archive",
        c -> {
          List<String> ids = List.copyOf(new LinkedHashSet<>(itemIds));
          for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String sql =
                "SELECT DISTINCT i.item_id, i.audience, i.week FROM letter_items i JOIN letters l"
                    + " ON l.audience = i.audience AND l.week = i.week AND l.version = i.version"
                    + " WHERE l.status = 'sent' AND i.item_id IN ("
                    + "?,".repeat(chunk.size() - 1)
                    + "?) ORDER BY i.week, i.audience";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              for (int k = 0; k < chunk.size(); k++) {
                ps.setString(k + 1, chunk.get(k));
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                      .add(rs.getString(2) + "/" + rs.getString(3));
                }
              }
            }
          }
          return out;
        });
  }

  @Override
  public Set<String> sentItems(String audience, String week) {
    String sql =
        "SELECT DISTINCT i.item_id FROM letter_items i JOIN letters l"
            + " ON l.audience = i.audience AND l.week = i.week AND l.version = i.version"
            + " WHERE l.status = 'sent'"
            + (audience == null ? "" : " AND i.audience = ?")
            + (week == null ? "" : " AND i.week = ?");
    return db.read(
        "read the letter archive",
        c -> {
          Set<String> out = new LinkedHashSet<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int k = 1;
            if (audience != null) {
              ps.setString(k++, audience);
            }
            if (week != null) {
              ps.setString(k, week);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
          }
          return out;
        });
  }
}
