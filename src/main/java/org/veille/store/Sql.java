package org.veille.store;

import java.io.IOException;
import java.nio.file.Files;
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
import org.sqlite.SQLiteException;

/**
 * JDBC helpers of the SQLite store: times as epoch milliseconds, lists as lines, one-value queries.
 */
final class Sql {
  private Sql() {}

  /**
   * The store's error for {@code e}: a full disk and a damaged file are named as such, with the way
   * out, whatever the statement was; anything else says what could not be done.
   */
  static StoreException failure(Path file, String what, SQLException e) {
    String code = resultCode(e);
    if (code.startsWith("SQLITE_FULL")) {
      Path dir = file.toAbsolutePath().getParent();
      return new StoreException(
          StoreException.Kind.FULL, "no space left on " + device(dir) + " for " + dir, e);
    }
    if (code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB")) {
      return damaged(file, e.getMessage(), e);
    }
    return new StoreException("store " + file + ": cannot " + what + ": " + e.getMessage(), e);
  }

  /** SQLite's extended result code of {@code e} ("SQLITE_CORRUPT_INDEX"), or "" when none. */
  static String resultCode(SQLException e) {
    return e instanceof SQLiteException s ? s.getResultCode().name() : "";
  }

  /** The store at {@code file} is damaged: what SQLite said, and how to get back to work. */
  static StoreException damaged(Path file, String detail, Throwable cause) {
    return new StoreException(
        StoreException.Kind.DAMAGED,
        "the store "
            + file
            + " is damaged ("
            + detail
            + "); restore the last backup with `veille restore FILE`, or move the file aside"
            + " and crawl again to start a new store",
        cause);
  }

  /** The file system's name for the device holding {@code dir} ("/dev/sda1"), or the folder. */
  private static String device(Path dir) {
    try {
      return "device " + Files.getFileStore(dir).name();
    } catch (IOException | RuntimeException e) {
      return "the device";
    }
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
