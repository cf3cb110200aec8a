package org.veille.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations, applied in order at start. The version lives in SQLite's {@code
 * user_version}; each migration runs in its own transaction with its version bump, so a crash
 * leaves the schema at a known version. Never edit a released migration: add the next one.
 */
final class Migrations {
  private static final List<String> STEPS =
      List.of(
          """
      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT,
        url TEXT NOT NULL,
        type TEXT NOT NULL,
        feed_title TEXT,
        feed_url TEXT,
        etag TEXT,
        last_modified TEXT,
        last_fetch_at INTEGER,
        last_ok_at INTEGER,
        last_status TEXT,
        last_error TEXT,
        http_status INTEGER,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        broken_selector INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE items (
        id TEXT PRIMARY KEY,
        url TEXT UNIQUE,
        guid TEXT,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        content_text TEXT NOT NULL,
        content_html TEXT NOT NULL,
        author TEXT,
        published INTEGER,
        updated INTEGER,
        first_seen INTEGER NOT NULL,
        changed_at INTEGER NOT NULL,
        lang TEXT NOT NULL,
        categories TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources(id)
      );
      CREATE INDEX items_first_seen ON items(first_seen);
      CREATE INDEX items_published ON items(published);
      CREATE TABLE item_sources (
        source_id TEXT NOT NULL REFERENCES sources(id),
        item_key TEXT NOT NULL,
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        first_seen INTEGER NOT NULL,
        PRIMARY KEY (source_id, item_key)
      );
      CREATE INDEX item_sources_item ON item_sources(item_id);
      CREATE TABLE item_topics (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        topic_id TEXT NOT NULL,
        PRIMARY KEY (item_id, topic_id)
      );
      CREATE TABLE fetch_log (
        id INTEGER PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources(id),
        at INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        http_status INTEGER,
        duration_ms INTEGER,
        bytes INTEGER,
        new_items INTEGER NOT NULL DEFAULT 0,
        updated_items INTEGER NOT NULL DEFAULT 0,
        error TEXT
      );
      CREATE INDEX fetch_log_source ON fetch_log(source_id, at);
      CREATE TABLE crawl_runs (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        sources INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        new_items INTEGER NOT NULL
      );
      """,
          // 2: the search index is derived; the store remembers what it has indexed, and the topic
          // queries the items were tagged with, so that a changed query re-tags them.
          """
      ALTER TABLE items ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX items_unindexed ON items(indexed) WHERE indexed = 0;
      CREATE INDEX item_topics_topic ON item_topics(topic_id);
      CREATE TABLE topic_queries (
        id TEXT PRIMARY KEY,
        query TEXT NOT NULL
      );
      """,
          // 3: the newsletter's delivery ledger, one row per week and recipient.
          """
      CREATE TABLE deliveries (
        week TEXT NOT NULL,
        recipient TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        updated_at INTEGER NOT NULL,
        message_id TEXT,
        PRIMARY KEY (week, recipient)
      );
      """);

  private Migrations() {}

  static int latest() {
    return STEPS.size();
  }

  /**
   * Brings the schema up to date. Each step runs in a {@code BEGIN IMMEDIATE} transaction that
   * re-reads the version first, so that two processes opening a new store at once apply every step
   * exactly once.
   */
  static void apply(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      if (rs.next() && rs.getInt(1) == STEPS.size()) {
        return; // up to date: readers never take the write lock
      }
    }
    while (true) {
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        try {
          int current;
          try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            current = rs.next() ? rs.getInt(1) : 0;
          }
          if (current > STEPS.size()) {
            throw new StoreException(
                "the store was written by a newer Veille (schema version "
                    + current
                    + ", this one knows up to "
                    + STEPS.size()
                    + "); upgrade Veille");
          }
          if (current == STEPS.size()) {
            s.execute("COMMIT");
            return;
          }
          for (String sql : STEPS.get(current).split(";\\s*\\n")) {
            if (!sql.isBlank()) {
              s.execute(sql);
            }
          }
          s.execute("PRAGMA user_version = " + (current + 1));
          s.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
          s.execute("ROLLBACK");
          throw e;
        }
      }
    }
  }
}
