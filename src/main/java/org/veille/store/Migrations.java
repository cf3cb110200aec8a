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
      """,
          // 4: what the feed says of itself (its site and language), and what the parser noted
          // at the last fetch: a document cut short, repaired or left-out fields.
          """
      ALTER TABLE sources ADD COLUMN feed_link TEXT;
      ALTER TABLE sources ADD COLUMN feed_language TEXT;
      ALTER TABLE sources ADD COLUMN feed_truncated INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sources ADD COLUMN feed_notes TEXT;
      """,
          // 5: the places an item is about (kind: commune, ept or departement), in the order the
          // tagger gives them, with the name to show.
          """
      CREATE TABLE item_places (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (item_id, kind, code)
      );
      CREATE INDEX item_places_code ON item_places(kind, code);
      """,
          // 6: the editorial week. The ledger is keyed by audience (the rows so far belong to the
          // audience 'main'); each audience's draft of a week (édito, approval, decisions, the
          // stable numbers of its items and what the editor last saw); and the archive of the
          // letters as sent, with their items in order.
          """
      CREATE TABLE letter_deliveries (
        audience TEXT NOT NULL,
        week TEXT NOT NULL,
        recipient TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        updated_at INTEGER NOT NULL,
        message_id TEXT,
        letter_version INTEGER,
        PRIMARY KEY (audience, week, recipient)
      );
      INSERT INTO letter_deliveries (audience, week, recipient, status, attempts, error, updated_at, message_id)
        SELECT 'main', week, recipient, status, attempts, error, updated_at, message_id FROM deliveries;
      DROP TABLE deliveries;
      CREATE TABLE drafts (
        audience TEXT NOT NULL,
        week TEXT NOT NULL,
        edito TEXT,
        approved_at INTEGER,
        reopened_at INTEGER,
        held_notice_at INTEGER,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (audience, week)
      );
      CREATE TABLE draft_decisions (
        id INTEGER PRIMARY KEY,
        audience TEXT NOT NULL,
        week TEXT NOT NULL,
        item_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        value TEXT,
        at INTEGER NOT NULL,
        UNIQUE (audience, week, item_id, kind)
      );
      CREATE TABLE draft_items (
        audience TEXT NOT NULL,
        week TEXT NOT NULL,
        item_id TEXT NOT NULL,
        n INTEGER NOT NULL,
        seen INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (audience, week, item_id)
      );
      CREATE TABLE letters (
        audience TEXT NOT NULL,
        week TEXT NOT NULL,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        subject TEXT NOT NULL,
        edito TEXT,
        html TEXT NOT NULL,
        text TEXT NOT NULL,
        md TEXT NOT NULL,
        json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        sent_at INTEGER,
        PRIMARY KEY (audience, week, version)
      );
      CREATE TABLE letter_items (
        audience TEXT NOT NULL,
        week TEXT NOT NULL,
        version INTEGER NOT NULL,
        position INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        section TEXT,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        url TEXT,
        overridden INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (audience, week, version, position)
      );
      CREATE INDEX letter_items_item ON letter_items(item_id);
      """,
          // 7: the call for projects an item is (kind: aap, ami, concours…), its next deadline
          // (YYYY-MM-DD) with the hour (HH:MM) and zone the text gives, the final date of a staged
          // call, and whether applications are read as they come.
          """
      CREATE TABLE item_calls (
        item_id TEXT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
        call_kind TEXT NOT NULL,
        deadline TEXT,
        deadline_time TEXT,
        final_deadline TEXT,
        deadline_zone TEXT,
        call_rolling INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX item_calls_deadline ON item_calls(deadline);
      """,
          // full text of teasers: where the content comes from, and the full-text step's record
          """
      ALTER TABLE items ADD COLUMN content_source TEXT NOT NULL DEFAULT 'feed';
      ALTER TABLE items ADD COLUMN fulltext_status TEXT;
      ALTER TABLE items ADD COLUMN fulltext_reason TEXT;
      ALTER TABLE items ADD COLUMN fulltext_attempts INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX items_fulltext_failed ON items(source_id) WHERE fulltext_status = 'failed';
      """,
          // 9: near-duplicate stories: the MinHash signature of each item's text, the cluster it
          // belongs to, and the LSH band keys of signatures, keyed by band then date so that the
          // candidates of a new item are a few index seeks within the time window, never a scan.
          """
      ALTER TABLE items ADD COLUMN signature BLOB;
      ALTER TABLE items ADD COLUMN cluster TEXT;
      CREATE INDEX items_cluster ON items(cluster) WHERE cluster IS NOT NULL;
      CREATE TABLE item_bands (
        band INTEGER NOT NULL,
        at INTEGER NOT NULL,
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        PRIMARY KEY (band, at, item_id)
      ) WITHOUT ROWID;
      """,
          // 10: the validators of a fetched article page, sent back when the feed item changes so
          // that an article that did not change costs a 304, not a download and an extraction
          """
      ALTER TABLE items ADD COLUMN fulltext_etag TEXT;
      ALTER TABLE items ADD COLUMN fulltext_modified TEXT;
      """,
          // 11: a source's count of article texts from an index: content_source sits at the end of
          // the row, past the content, and counting it read every item's overflow pages (1.4 s
          // for every page that shows the sources' health, at 20,000 items)
          """
      CREATE INDEX items_from_article ON items(source_id) WHERE content_source = 'article';
      """,
          // 12: band keys kept aside during a crawl, in the order they come (appended pages), and
          // filed into item_bands in key order once, at the end: written at each save, the random
          // keys dirtied a page of item_bands each, and every commit wrote those pages again
          """
      CREATE TABLE band_log (
        band INTEGER NOT NULL,
        at INTEGER NOT NULL,
        item_id TEXT NOT NULL
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
    applyUpTo(c, STEPS.size());
  }

  /** Brings the schema up to version {@code target} (a store as an older release left it). */
  static void applyUpTo(Connection c, int target) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      if (rs.next() && rs.getInt(1) >= target) {
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
          if (current >= target) {
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
