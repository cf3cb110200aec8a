package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;

/** A damaged veille.db is named as such, with the way out, and no command exits 0 on it. */
class DamagedStoreTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli crawled() {
    return Cli.crawled(dir, server, "gazette", "/gazette.xml", "localtis", "/localtis.xml");
  }

  /** Overwrites {@code length} bytes at {@code offset} of the store with a disk's garbage. */
  private static void scribble(Path db, long offset, int length) throws Exception {
    byte[] garbage = new byte[length];
    Arrays.fill(garbage, (byte) 0x5A);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.seek(offset);
      f.write(garbage);
    }
  }

  private static void assertDamaged(Cli.Result r) {
    assertNotEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("is damaged"), r.toString());
    assertTrue(r.err().contains("veille restore"), "the way out is named: " + r);
    assertTrue(!r.err().contains("unexpected error"), r.toString());
  }

  @Test
  void damagedPagesAreReportedByReadersAndWriters() throws Exception {
    Cli cli = crawled();
    Path db = cli.data().resolve("veille.db");
    assertTrue(Files.size(db) > 8 * 4096, "the crawl wrote pages: " + Files.size(db));
    scribble(db, 2 * 4096, (int) Files.size(db) - 3 * 4096);
    assertDamaged(cli.run("export"));
    assertDamaged(cli.run("crawl", "--source", "gazette"));
    assertDamaged(cli.run("stats"));
  }

  @Test
  void aFileThatIsNoDatabaseIsReported() throws Exception {
    Cli cli = crawled();
    scribble(cli.data().resolve("veille.db"), 0, 4096);
    assertDamaged(cli.run("export"));
    assertDamaged(cli.run("crawl", "--source", "gazette"));
  }
}
