package org.veille.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.store.Snapshot;
import org.veille.support.Week;
import org.veille.wiring.Wiring;

/** The daemon's scheduled backups. */
class BackupsTest {
  @TempDir Path dir;

  private Context at(Path config, String now) {
    return Context.of(config, dir.resolve("data"), Map.of("VEILLE_NOW", now), new Wiring());
  }

  @Test
  void scheduledBackupsKeepTheNewestOnes() throws Exception {
    Path config = dir.resolve("feeds.yaml");
    Files.writeString(config, Week.config("fr", null));
    Week.store(config, dir.resolve("data"));
    Path folder = dir.resolve("data/backups");
    Instant t = Instant.parse("2026-11-23T05:30:00Z");
    for (int day = 0; day < 5; day++) {
      Snapshot s =
          new Backups(at(config, t.plusSeconds(86_400L * day).toString()))
              .backupAndRotate(folder, 3);
      assertTrue(s.items() > 0, s.summary());
    }
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(
          List.of(
              "veille-20261125T053000Z.db",
              "veille-20261126T053000Z.db",
              "veille-20261127T053000Z.db"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
