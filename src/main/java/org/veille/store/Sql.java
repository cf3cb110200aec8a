package org.veille.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * JDBC helpers of the SQLite store: times as epoch milliseconds, lists as lines, one-value queries.
 */
final class Sql {
  private Sql() {}

  static StoreException failure(Path file, String what, SQLException e) {
    return new StoreException("store " + file + ": cannot " + what + ": " + e.getMessage(), e);
  }

  static Optional<String> queryString(Connection c, String sql, String... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static long queryLong(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  static Instant instant(ResultSet rs, int col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  static void setInstant(PreparedStatement ps, int col, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(col, Types.INTEGER);
    } else {
      ps.setLong(col, t.toEpochMilli());
    }
  }

  static void setInt(PreparedStatement ps, int col, int v) throws SQLException {
    if (v == 0) {
      ps.setNull(col, Types.INTEGER);
    } else {
      ps.setInt(col, v);
    }
  }

  static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
  }
}
