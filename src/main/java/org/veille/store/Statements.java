package org.veille.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one source's save, each prepared once and reused for every item: the
 * rows of places, calls and article texts were prepared once per item (a tenth of the writer
 * thread's time in {@code NativeDB.prepare_utf8}). Callers take a statement with {@link #get}, use
 * it at once and never close it; {@link #close} does, at the end of the save, and the least
 * recently used go once more than {@link #CAPACITY} are held.
 */
final class Statements implements AutoCloseable {
  static final int CAPACITY = 64;

  private final Connection c;
  private final Map<String, PreparedStatement> held =
      new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= CAPACITY) {
            return false;
          }
          try {
            eldest.getValue().close();
          } catch (SQLException e) {
            // a statement that cannot be finalised is dropped all the same
          }
          return true;
        }
      };

  Statements(Connection c) {
    this.c = c;
  }

  /**
   * The statement of {@code sql}, prepared on first use, its batch cleared. Its parameters are left
   * as the last use bound them, and callers bind every one: clearing them ({@code
   * sqlite3_clear_bindings}) marks a statement whose plan depends on its parameters as expired, and
   * SQLite then prepares it again at its next step. That cost the cluster lookup (a union of 24
   * range seeks) 270 µs per item, more than the seeks.
   */
  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement ps = held.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = c.prepareStatement(sql);
      held.put(sql, ps);
    } else {
      ps.clearBatch();
    }
    return ps;
  }

  /** How many statements are held (for tests). */
  int size() {
    return held.size();
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement ps : held.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    held.clear();
    if (first != null) {
      throw first;
    }
  }
}
