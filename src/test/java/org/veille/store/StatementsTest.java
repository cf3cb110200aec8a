package org.veille.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementsTest {
  @TempDir Path dir;

  private Connection open() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"));
    c.createStatement().execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
    return c;
  }

  @Test
  void aStatementIsPreparedOnceAndReusedWithItsBatchCleared() throws SQLException {
    try (Connection c = open();
        Statements s = new Statements(c)) {
      PreparedStatement ins = s.get("INSERT INTO t (k, v) VALUES (?, ?)");
      ins.setInt(1, 1);
      ins.setString(2, "un");
      ins.executeUpdate();
      ins.setInt(1, 99);
      ins.setString(2, "lot abandonné");
      ins.addBatch(); // left in the batch: the next user does not execute it
      PreparedStatement again = s.get("INSERT INTO t (k, v) VALUES (?, ?)");
      assertSame(ins, again);
      again.setInt(1, 2);
      again.setString(2, "deux");
      again.addBatch();
      again.executeBatch();
      try (ResultSet rs =
          c.createStatement().executeQuery("SELECT group_concat(v, ',') FROM t ORDER BY k")) {
        assertTrue(rs.next());
        assertEquals("un,deux", rs.getString(1));
      }
    }
  }

  @Test
  void theLeastRecentlyUsedAreClosedPastTheCapacityAndAllOnClose() throws SQLException {
    Connection c = open();
    Statements s = new Statements(c);
    PreparedStatement first = s.get("SELECT 0");
    for (int i = 1; i <= Statements.CAPACITY; i++) {
      s.get("SELECT " + i);
    }
    assertEquals(Statements.CAPACITY, s.size());
    assertTrue(first.isClosed(), "the eldest went");
    PreparedStatement kept = s.get("SELECT " + Statements.CAPACITY);
    assertFalse(kept.isClosed());
    assertNotSame(first, s.get("SELECT 0"), "prepared again when asked for again");
    s.close();
    assertTrue(kept.isClosed());
    assertEquals(0, s.size());
    c.close();
    assertThrows(
        SQLException.class, () -> s.get("SELECT 1"), "no statement on a closed connection");
  }
}
