package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.veille.store.WriterLock;
import org.veille.support.Cli;
import org.veille.support.TestServer;

/** The search index is derived: however it is damaged, the documented recovery works. */
class IndexRecoveryTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli crawled() {
    return Cli.crawled(dir, server, "gazette", "/gazette.xml", "localtis", "/localtis.xml");
  }

  private static String ids(Cli cli) {
    Cli.Result r = cli.run("search", "*", "--format", "csv", "--sort", "date", "--limit", "100");
    assertEquals(0, r.code(), r.toString());
    return r.out();
  }

  private static List<String> listing(Path p) throws Exception {
    try (Stream<Path> files = Files.list(p)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"nowhere", "", "../..", "gen-", "gen-99999999999", "gen-7"})
  void aDamagedCurrentFileFallsBackToTheNewestGeneration(String current) throws Exception {
    Cli cli = crawled();
    String before = ids(cli);
    assertTrue(before.lines().count() > 3, before);
    Path index = cli.data().resolve("index");
    Files.writeString(index.resolve("CURRENT"), current + "\n", StandardCharsets.US_ASCII);
    List<String> around = listing(dir);
    assertEquals(before, ids(cli), "search uses the newest complete generation");
    Cli.Result reindex = cli.run("reindex");
    assertEquals(0, reindex.code(), reindex.toString());
    assertEquals(before, ids(cli));
    Cli.Result crawl = cli.run("crawl");
    assertEquals(0, crawl.code(), crawl.toString());
    assertEquals(before, ids(cli));
    assertEquals(around, listing(dir), "no stray folder beside the data folder");
    assertTrue(
        listing(index).stream().allMatch(f -> f.matches("gen-\\d+|CURRENT")),
        listing(index)::toString);
  }

  @Test
  void aCrawlRebuildsAnIndexWhoseFolderWasDeleted() throws Exception {
    Cli cli = crawled();
    String before = ids(cli);
    Path index = cli.data().resolve("index");
    try (Stream<Path> files = Files.walk(index)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Cli.Result crawl = cli.run("crawl");
    assertEquals(0, crawl.code(), crawl.toString());
    assertEquals(before, ids(cli), "nothing new was fetched (304s), yet search finds everything");
  }

  @Test
  void aCorruptIndexSaysRunReindexAndACrawlRepairsIt() throws Exception {
    Cli cli = crawled();
    String before = ids(cli);
    Path gen = cli.data().resolve("index").resolve(listing(cli.data().resolve("index")).get(1));
    for (String f : listing(gen)) {
      if (!f.equals("write.lock")) {
        try (RandomAccessFile raf = new RandomAccessFile(gen.resolve(f).toFile(), "rw")) {
          raf.seek(Math.min(20, raf.length()));
          raf.write("not an index any more".getBytes(StandardCharsets.US_ASCII));
        }
      }
    }
    Cli.Result search = cli.run("search", "zfe");
    assertNotEquals(0, search.code(), search.toString());
    assertTrue(search.err().contains("is damaged"), search.toString());
    assertTrue(search.err().contains("veille reindex"), search.toString());
    assertFalse(search.err().contains("unexpected error"), search.toString());
    Cli.Result crawl = cli.run("crawl");
    assertEquals(0, crawl.code(), crawl.toString());
    assertEquals(before, ids(cli));
  }

  @Test
  void searchDuringAFirstCrawlSaysResultsAreComingNotRunReindex() throws Exception {
    Cli cli = crawled();
    Path index = cli.data().resolve("index");
    try (Stream<Path> files = Files.walk(index)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    try (WriterLock crawl = WriterLock.acquire(cli.data(), Duration.ZERO)) {
      Cli.Result r = cli.run("search", "zfe");
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.err().contains("a crawl or reindex is running"), r.toString());
      assertFalse(r.err().contains("run 'veille reindex'"), r.toString());
    }
    Cli.Result after = cli.run("search", "zfe");
    assertTrue(after.err().contains("run 'veille reindex'"), "no writer: " + after);
  }
}
