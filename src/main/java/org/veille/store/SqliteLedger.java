package org.veille.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link DeliveryLedger} on SQLite: the {@code letter_deliveries} table. */
final class SqliteLedger implements DeliveryLedger {
  private final SqliteDb db;

  SqliteLedger(SqliteDb db) {
    this.db = db;
  }

  @Override
  public Map<String, Delivery> week(String audience, String week) {
    String sql =
        "SELECT recipient, status, attempts, error, updated_at, message_id, letter_version"
            + " FROM letter_deliveries WHERE audience = ? AND week = ? ORDER BY recipient";
    return db.read(
        "read the delivery ledger",
        c -> {
          Map<String, Delivery> out = new LinkedHashMap<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, audience);
            ps.setString(2, week);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(
                    rs.getString(1),
                    new Delivery(
                        audience,
                        week,
                        rs.getString(1),
                        Delivery.Status.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                        rs.getInt(3),
                        rs.getString(4),
                        Sql.instant(rs, 5),
                        rs.getString(6),
                        rs.getInt(7)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public void record(Delivery d) {
    String sql =
        "INSERT OR REPLACE INTO letter_deliveries (audience, week, recipient, status, attempts,"
            + " error, updated_at, message_id, letter_version) VALUES (?,?,?,?,?,?,?,?,?)";
    db.write(
        "write the delivery ledger",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, d.audience());
            ps.setString(2, d.week());
            ps.setString(3, d.recipient());
            ps.setString(4, d.status().label());
            ps.setInt(5, d.attempts());
            ps.setString(6, d.error());
            ps.setLong(7, d.at().toEpochMilli());
            ps.setString(8, d.messageId());
            Sql.setInt(ps, 9, d.letterVersion());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<String> lastWeek(String audience) {
    return db.read(
        "read the delivery ledger",
        c ->
            Sql.queryString(
                c,
                "SELECT week FROM letter_deliveries WHERE audience = ? ORDER BY week DESC LIMIT 1",
                audience));
  }

  @Override
  public List<String> audiences() {
    return db.read(
        "read the delivery ledger",
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT DISTINCT audience FROM letter_deliveries ORDER BY audience");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }
}
