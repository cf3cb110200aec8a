package org.veille.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

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
  private final SqliteDrafts drafts;
  private final SqliteArchive letters;

  /** The band keys logged since the last settling, looked up by the saves in memory. */
  private final UnsettledBands unsettled = new UnsettledBands();

  /**
   * Whether {@link #unsettled} holds what {@code band_log} held when this store was opened: read by
   * the first save, not by the opening (a search has no use for them).
   */
  private boolean logRead;

  /**
   * Band keys waiting, at most, before a save settles them (about 10,000 items; 6 MB in memory): a
   * weekly crawl settles once, at its end; a first crawl of 1,000 feeds × 25 items three times.
   * Twice as many cost a first crawl of 1,000 feeds 17 MB more peak RSS, for no measurable CPU.
   */
  private static final int MAX_UNSETTLED = 250_000;

  private SqliteStore(SqliteDb db) {
    this.db = db;
    this.sources = new SqliteSources(db);
    this.items = new SqliteItems(db);
    this.ledger = new SqliteLedger(db);
    this.marks = new SqliteIndexMarks(db);
    this.drafts = new SqliteDrafts(db);
    this.letters = new SqliteArchive(db);
  }

  /** Opens (creating if needed) the store at {@code file} and brings its schema up to date. */
  public static SqliteStore open(Path file) {
    return open(file, new Properties());
  }

  /** Opens with extra connection properties (SQLite pragmas by name), for tests of limits. */
  static SqliteStore open(Path file, Properties extra) {
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
      props.putAll(extra);
      props.setProperty("transaction_mode", "IMMEDIATE");
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA foreign_keys = ON");
        // A page cache of 8 MB (SQLite's default is 2 MB) holds the random-key indexes of items
        // (id, url) of a large store. It was 32 MB while the band keys of clusters were written at
        // each save, at random places of item_bands; they are now logged in order and filed once
        // (UnsettledBands), and 32 MB only cost peak RSS (scripts/bench crawl: 260 -> 231-235 MB,
        // CPU alike). A checkpoint every 10 000 WAL pages (SQLite's default is 1 000, about one
        // save of 25 items) copies a page rewritten by many saves once, not at every save.
        s.execute("PRAGMA cache_size = -8192");
        s.execute("PRAGMA wal_autocheckpoint = 10000");
        s.execute("PRAGMA journal_size_limit = 67108864");
      }
      backUpBeforeUpgrade(c, file);
      Migrations.apply(c);
      return new SqliteStore(new SqliteDb(file, c));
    } catch (SQLException e) {
      StoreException failure = Sql.failure(file, "open", e);
      throw failure.kind() == StoreException.Kind.OTHER
          ? new StoreException("cannot open store " + file + ": " + e.getMessage(), e)
          : failure;
    }
  }

  /**
   * Before a schema migration, a copy of the store as it was, in {@code backups/} beside it: an
   * upgrade that goes wrong can be undone with {@code veille restore}. Taken once per version.
   */
  private static void backUpBeforeUpgrade(Connection c, Path file) throws SQLException {
    int version = (int) Sql.queryLong(c, "PRAGMA user_version");
    if (version == 0 || version >= Migrations.latest()) {
      return;
    }
    Path copy =
        file.toAbsolutePath()
            .getParent()
            .resolve("backups")
            .resolve("veille-schema-" + version + "-before-upgrade.db");
    if (Files.exists(copy)) {
      return;
    }
    try {
      Files.createDirectories(copy.getParent());
    } catch (IOException e) {
      throw new SQLException("cannot create " + copy.getParent() + ": " + e.getMessage(), e);
    }
    try (Statement s = c.createStatement()) {
      s.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      if (!Files.exists(copy)) { // another process opening the store at once made it
        throw e;
      }
    }
  }

  public Path file() {
    return db.file();
  }

  SqliteDb db() {
    return db;
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
  public EditorialStore drafts() {
    return drafts;
  }

  @Override
  public LetterArchive letters() {
    return letters;
  }

  @Override
  public SaveResult saveFetch(FetchRecord r) {
    return savingItems("store what " + r.sourceId() + " gave", c -> save(c, r));
  }

  @Override
  public List<SaveResult> saveFetches(List<FetchRecord> records) {
    if (records.size() == 1) {
      return List.of(saveFetch(records.get(0)));
    }
    String sources = String.join(", ", records.stream().map(FetchRecord::sourceId).toList());
    return savingItems(
        "store what " + sources + " gave",
        c -> {
          List<SaveResult> out = new ArrayList<>(records.size());
          for (FetchRecord r : records) {
            out.add(save(c, r));
          }
          return out;
        });
  }

  /**
   * Runs a transaction that saves items: the band keys it logged are kept when it commits and
   * forgotten when it rolls back; past {@link #MAX_UNSETTLED} keys, they are settled.
   */
  private <T> T savingItems(String what, SqliteDb.Work<T> work) {
    if (!logRead) {
      db.read("read the near-duplicate keys", this::readLog);
      logRead = true;
    }
    T result;
    try {
      result = db.write(what, work);
      unsettled.keep();
    } finally {
      unsettled.drop(); // nothing pending after keep(); after a failure, its keys
    }
    if (unsettled.size() > MAX_UNSETTLED) {
      settleClusterKeys();
    }
    return result;
  }

  /** Writes one fetch inside the caller's transaction. */
  private SaveResult save(Connection c, FetchRecord r) throws SQLException {
    try (Statements statements = new Statements(c)) {
      ItemWriter writer = new ItemWriter(statements, r.sourceId(), r.at(), unsettled);
      for (EnrichedItem item : r.items()) {
        writer.save(item);
      }
      SaveResult saved = writer.result();
      SqliteSources.recordFetch(statements, r, saved);
      return saved;
    }
  }

  @Override
  public void settleClusterKeys() {
    if (unsettled.size() == 0 && !logged()) {
      return;
    }
    db.write(
        "file the near-duplicate keys",
        c -> {
          try (Statement s = c.createStatement()) {
            // items deleted since their keys were logged are left out (their keys would break
            // the foreign key); a key filed twice (a settling that another process did) once
            s.executeUpdate(
                "INSERT OR IGNORE INTO item_bands (band, at, item_id)"
                    + " SELECT l.band, l.at, l.item_id FROM band_log l JOIN items i ON i.id = l.item_id"
                    + " ORDER BY l.band, l.at, l.item_id");
            s.executeUpdate("DELETE FROM band_log");
          }
          return null;
        });
    unsettled.clear();
    logRead = true; // the log is empty
  }

  private boolean logged() {
    return db.read(
        "read the near-duplicate keys",
        c -> Sql.queryLong(c, "SELECT EXISTS (SELECT 1 FROM band_log)") != 0);
  }

  /** The keys a process logged and did not settle (it was stopped), for the saves to find. */
  private Void readLog(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT item_id, at, band FROM band_log ORDER BY item_id, rowid")) {
      String item = null;
      long at = 0;
      List<Long> keys = new ArrayList<>();
      while (rs.next()) {
        if (item != null && !item.equals(rs.getString(1))) {
          unsettled.add(item, at, keys.stream().mapToLong(Long::longValue).toArray());
          keys.clear();
        }
        item = rs.getString(1);
        at = rs.getLong(2);
        keys.add(rs.getLong(3));
      }
      if (item != null) {
        unsettled.add(item, at, keys.stream().mapToLong(Long::longValue).toArray());
      }
      unsettled.keep();
    }
    return null;
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

  @Override
  public Snapshot backup(Path target) {
    Path file = target.toAbsolutePath();
    if (Files.exists(file)) {
      throw new StoreException(file + " already exists; give a new file name (nothing written)");
    }
    Path part = file.resolveSibling(file.getFileName() + ".part");
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(part);
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
    // VACUUM INTO reads the store in one transaction: a consistent copy while crawls write
    db.read(
        "back up to " + file,
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("VACUUM INTO '" + part.toString().replace("'", "''") + "'");
          }
          return null;
        });
    try {
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return inspect(file);
  }

  /**
   * Checks a backup file without changing it: a SQLite database, intact, of a Veille schema this
   * version can read.
   *
   * @throws StoreException naming the file and what is wrong with it
   */
  public static Snapshot inspect(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StoreException("no backup file " + file);
    }
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setReadOnly(true);
    try (Connection c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      String verdict = Sql.queryString(c, "PRAGMA quick_check(1)").orElse("");
      if (!verdict.equals("ok")) {
        throw new StoreException(file + " is damaged (SQLite's check says: " + verdict + ")");
      }
      int schema = (int) Sql.queryLong(c, "PRAGMA user_version");
      if (schema == 0) {
        throw new StoreException(file + " is a SQLite database but not a Veille store");
      }
      if (schema > Migrations.latest()) {
        throw new StoreException(
            file
                + " was written by a newer Veille (schema "
                + schema
                + ", this one reads up to "
                + Migrations.latest()
                + "); upgrade Veille first");
      }
      return new Snapshot(
          file.toAbsolutePath(),
          schema,
          rows(c, "sources"),
          rows(c, "items"),
          rows(c, "deliveries") + rows(c, "letter_deliveries"), // the ledger, before and after
          // it was keyed by audience (schema 6)
          Files.size(file));
    } catch (SQLException e) {
      throw new StoreException(
          file
              + (Sql.resultCode(e).startsWith("SQLITE_NOTADB")
                  ? " is not a Veille backup (not a SQLite database)"
                  : " cannot be read as a Veille backup: " + e.getMessage()),
          e);
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The rows of {@code table}, 0 when the schema has no such table. */
  private static long rows(Connection c, String table) throws SQLException {
    boolean exists =
        Sql.queryString(
                c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", table)
            .isPresent();
    return exists ? Sql.queryLong(c, "SELECT COUNT(*) FROM " + table) : 0;
  }

  /**
   * Puts the backup {@code snapshot} in place as the store file {@code dbFile} (which must not
   * exist), after {@link #inspect checking} it; the schema is brought up to date when it is opened.
   */
  public static Snapshot restore(Path snapshot, Path dbFile) {
    Snapshot checked = inspect(snapshot);
    Path part = dbFile.resolveSibling(dbFile.getFileName() + ".part");
    try {
      Files.createDirectories(dbFile.toAbsolutePath().getParent());
      Files.copy(snapshot, part, StandardCopyOption.REPLACE_EXISTING);
      Files.move(part, dbFile, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StoreException("cannot restore into " + dbFile + ": " + e.getMessage(), e);
    }
    return checked;
  }

  @Override
  public SaveResult importItems(String sourceId, List<EnrichedItem> items, Instant at) {
    return savingItems(
        "import items of " + sourceId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sources (id, name, url, type) VALUES (?, ?, ?, 'imported')"
                      + " ON CONFLICT(id) DO NOTHING")) {
            ps.setString(1, sourceId);
            ps.setString(2, sourceId);
            ps.setString(3, "imported:" + sourceId);
            ps.executeUpdate();
          }
          try (Statements statements = new Statements(c)) {
            ItemWriter writer = new ItemWriter(statements, sourceId, at, unsettled);
            for (EnrichedItem item : items) {
              writer.save(item);
            }
            return writer.result();
          }
        });
  }

  @Override
  public void check() {
    String verdict =
        db.read("check the store", c -> Sql.queryString(c, "PRAGMA quick_check(1)").orElse(""));
    if (!verdict.equals("ok")) {
      throw Sql.damaged(db.file(), "SQLite's check says: " + verdict, null);
    }
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
    db.close(); // keys left unsettled stay in band_log, read again by the next one to save
  }
}
