package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.parse.ParsedItem;
import org.veille.store.SqliteStore;
import org.veille.support.Cli;
import org.veille.support.Fetches;
import org.veille.support.Week;

/** Faults an operator meets: each one reported clearly, none of them stopping the weekly letter. */
class FaultsTest {
  @TempDir Path dir;

  private Cli week() throws Exception {
    Cli cli = new Cli(dir, Week.config("fr", null)).env(Map.of("VEILLE_NOW", Week.NOW));
    Week.store(cli);
    return cli;
  }

  /** An item stored as an older Veille would have stored it, with characters XML cannot carry. */
  private static void storeRaw(Cli cli, String title) {
    try (SqliteStore store = SqliteStore.open(cli.data().resolve("veille.db"))) {
      store.saveFetch(
          Fetches.ok(
              "gazette",
              Instant.parse("2026-11-21T18:00:00Z"),
              List.of(
                  new ParsedItem(
                      "raw-1",
                      URI.create("https://news.example/illegal-characters"),
                      title,
                      "La ZFE du Grand Paris\uFFFE franchit une nouvelle étape.",
                      "",
                      "",
                      null,
                      Instant.parse("2026-11-20T10:00:00Z"),
                      null,
                      List.of(),
                      "fr")),
              List.of(List.of("mobilite-zfe"))));
    }
  }

  @Test
  void charactersXmlCannotCarryNeverStopTheDigestOrTheArchive() throws Exception {
    Cli cli = week();
    storeRaw(cli, "ZFE\uFFFF : la métropole publie son calendrier \u0001");
    Cli.Result digest = cli.run("digest");
    assertEquals(0, digest.code(), digest.toString());
    Path feed = cli.data().resolve("digests/digests.xml");
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(feed.toFile()); // well-formed
    assertTrue(Files.readString(feed).contains("2026-W47"));
    Cli.Result dry = cli.run("send", "--dry-run");
    assertEquals(0, dry.code(), dry.toString());
  }

  @Test
  void aDamagedDigestOfAnotherWeekDoesNotBlockThisOne() throws Exception {
    Cli cli = week();
    Path digests = cli.data().resolve("digests");
    Files.createDirectories(digests);
    Files.writeString(
        digests.resolve("2026-W46.json"),
        "{\"week\": \"2026-W46\", \"to\": 12",
        StandardCharsets.UTF_8);
    Cli.Result digest = cli.run("digest");
    assertEquals(0, digest.code(), digest.toString());
    String xml = Files.readString(digests.resolve("digests.xml"));
    assertTrue(xml.contains("2026-W47"), xml);
    assertFalse(xml.contains("2026-W46"), "the damaged one is left out");
  }
}
