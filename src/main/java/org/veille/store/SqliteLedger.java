package org.veille.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link DeliveryLedger} on SQLite: the {@code deliveries} table. */
final class SqliteLedger implements DeliveryLedger {
  private final SqliteDb db;

  SqliteLedger(SqliteDb db) {
    this.db = db;
  }

  @Override
  public Map<String, Delivery> week(String week) {
    String sql =
        "SELECT recipient, status, attempts, error, updated_at, message_id FROM deliveries WHERE week = ? ORDER BY recipient";
    return db.read(
        "read the delivery ledger",
        c -> {
          Map<String, Delivery> out = new LinkedHashMap<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, week);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(
                    rs.getString(1),
                    new Delivery(
                        week,
                        rs.getString(1),
                        Delivery.Status.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                        rs.getInt(3),
                        rs.getString(4),
                        Sql.instant(rs, 5),
                        rs.getString(6)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public void record(Delivery d) {
    String sql =
        "INSERT OR REPLACE INTO deliveries (week, recipient, status, attempts, error, updated_at, message_id) VALUES (?,?,?,?,?,?,?)";
    db.write(
        "write the delivery ledger",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, d.week());
            ps.setString(2, d.recipient());
            ps.setString(3, d.status().label());
            ps.setInt(4, d.attempts());
            ps.setString(5, d.error());
            ps.setLong(6, d.at().toEpochMilli());
            ps.setString(7, d.messageId());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<String> lastWeek() {
    return db.read(
        "read the delivery ledger",
        c -> Sql.queryString(c, "SELECT week FROM deliveries ORDER BY week DESC LIMIT 1"));
  }
}
