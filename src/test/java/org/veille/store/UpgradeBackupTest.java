package org.veille.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schema upgrade first copies the store as it was, so that a bad upgrade can be undone. */
class UpgradeBackupTest {
  @TempDir Path dir;

  @Test
  void aSchemaUpgradeFirstCopiesTheStoreAsItWas() throws Exception {
    Path db = dir.resolve("data/veille.db");
    Files.createDirectories(db.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      Migrations.applyUpTo(c, 2); // the store as the release before the delivery ledger left it
    }
    try (SqliteStore store = SqliteStore.open(db)) {
      assertTrue(store.ledger().lastWeek().isEmpty(), "the ledger is there, empty");
    }
    Path copy = dir.resolve("data/backups/veille-schema-2-before-upgrade.db");
    assertTrue(Files.exists(copy), "a copy before the upgrade");
    assertEquals(2, SqliteStore.inspect(copy).schema());
    SqliteStore.open(db).close();
    try (var files = Files.list(copy.getParent())) {
      assertEquals(1, files.count(), "one copy per upgrade, not one per start");
    }
  }
}
