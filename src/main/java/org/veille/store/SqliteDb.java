package org.veille.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one JDBC connection of a SQLite store, shared by its aggregate classes. Every read and every
 * transaction goes through {@link #read} or {@link #write}, which serialise use of the connection
 * (one connection serves one process) and turn SQL failures into {@link StoreException}s naming the
 * file.
 */
final class SqliteDb implements AutoCloseable {
  /** Work on the connection. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Path file;
  private final Connection c;

  SqliteDb(Path file, Connection c) {
    this.file = file;
    this.c = c;
  }

  Path file() {
    return file;
  }

  /** Runs {@code work} outside a transaction; {@code what} names it in an error. */
  synchronized <T> T read(String what, Work<T> work) {
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw Sql.failure(file, what, e);
    }
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
  synchronized <T> T write(String what, Work<T> work) {
    try {
      c.setAutoCommit(false);
    } catch (SQLException e) {
      throw Sql.failure(file, what, e);
    }
    T result;
    try {
      result = work.run(c);
      c.commit();
    } catch (SQLException e) {
      rollback(e);
      throw Sql.failure(file, what, e);
    } catch (RuntimeException e) {
      rollback(e);
      throw e;
    }
    try {
      c.setAutoCommit(true);
    } catch (SQLException e) {
      throw Sql.failure(file, what, e);
    }
    return result;
  }

  /**
   * Rolls back after {@code cause} and leaves the connection in auto-commit; a failure here is
   * attached to {@code cause}, never put in its place (the first error is the one that explains).
   */
  private void rollback(Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
    try {
      c.setAutoCommit(true);
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      c.close();
    } catch (SQLException e) {
      throw Sql.failure(file, "close", e);
    }
  }
}
