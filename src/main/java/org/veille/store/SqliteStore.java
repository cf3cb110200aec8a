package org.veille.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * {@link Store} on one SQLite file in WAL mode with foreign keys on. Readers in other processes see
 * the last committed state while a crawl writes. One connection serves the process; the aggregate
 * classes share it through {@link SqliteDb}. Everything SQLite-specific lives in the classes named
 * {@code Sqlite*} and in {@link Migrations}: another database is a new set of such classes.
 */
public final class SqliteStore implements Store {
  private final SqliteDb db;
  private final SqliteSources sources;
  private final SqliteItems items;
  private final SqliteLedger ledger;
  private final SqliteIndexMarks marks;

  private SqliteStore(SqliteDb db) {
    this.db = db;
    this.sources = new SqliteSources(db);
    this.items = new SqliteItems(db);
    this.ledger = new SqliteLedger(db);
    this.marks = new SqliteIndexMarks(db);
  }

  /** Opens (creating if needed) the store at {@code file} and brings its schema up to date. */
  public static SqliteStore open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new StoreException(
          "cannot create data folder " + file.getParent() + ": " + e.getMessage(), e);
    }
    try {
      // Write transactions start IMMEDIATE: a deferred one that read first could not be upgraded
      // while another connection writes, and would fail at once instead of waiting its turn.
      Properties props = new Properties();
      props.setProperty("transaction_mode", "IMMEDIATE");
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA foreign_keys = ON");
      }
      Migrations.apply(c);
      return new SqliteStore(new SqliteDb(file, c));
    } catch (SQLException e) {
      throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return db.file();
  }

  @Override
  public SourceStore sources() {
    return sources;
  }

  @Override
  public ItemStore items() {
    return items;
  }

  @Override
  public DeliveryLedger ledger() {
    return ledger;
  }

  @Override
  public IndexMarks indexMarks() {
    return marks;
  }

  @Override
  public SaveResult saveFetch(FetchRecord r) {
    return db.write(
        "store what " + r.sourceId() + " gave",
        c -> {
          ItemWriter writer = new ItemWriter(c, r.sourceId(), r.at());
          for (EnrichedItem item : r.items()) {
            writer.save(item);
          }
          SaveResult saved = writer.result();
          SqliteSources.recordFetch(c, r, saved);
          return saved;
        });
  }

  @Override
  public StoreStats stats() {
    return db.read(
        "read stats",
        c -> {
          long sourceCount = Sql.queryLong(c, "SELECT COUNT(*) FROM sources");
          long itemCount = Sql.queryLong(c, "SELECT COUNT(*) FROM items");
          Optional<String> last = Sql.queryString(c, "SELECT MAX(at) FROM crawl_runs");
          Instant lastCrawl = last.map(v -> Instant.ofEpochMilli(Long.parseLong(v))).orElse(null);
          return new StoreStats(sourceCount, itemCount, bytesOnDisk(), lastCrawl);
        });
  }

  private long bytesOnDisk() {
    long bytes = 0;
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path p = Path.of(db.file().toAbsolutePath() + suffix);
      try {
        bytes += Files.exists(p) ? Files.size(p) : 0;
      } catch (IOException e) {
        throw new StoreException("cannot read the size of " + p + ": " + e.getMessage(), e);
      }
    }
    return bytes;
  }

  @Override
  public void close() {
    db.close();
  }
}
