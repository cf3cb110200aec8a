package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.Week;

/** Backup, restore and import, through the command line, on a real store, index and SMTP server. */
class BackupCommandsTest {
  @TempDir Path dir;

  @RegisterExtension
  final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private Cli week() throws Exception {
    String smtp = Week.smtp(mail.getSmtp().getPort());
    Cli cli = new Cli(dir, Week.config("fr", smtp)).env(Map.of("VEILLE_NOW", Week.NOW));
    Week.store(cli);
    assertEquals(0, cli.run("reindex").code());
    return cli;
  }

  /** The same installation, on another data folder. */
  private static Cli on(Cli cli, Path data) {
    Map<String, String> env = new HashMap<>(Map.of("VEILLE_NOW", Week.NOW));
    env.put("VEILLE_DATA", data.toString());
    return cli.env(env);
  }

  private static String everything(Cli cli) {
    Cli.Result r = cli.run("search", "*", "--format", "csv", "--sort", "date", "--limit", "500");
    assertEquals(0, r.code(), r.toString());
    return r.out();
  }

  private static List<String> files(Path p) throws Exception {
    if (!Files.exists(p)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aRestoredStoreSearchesAlikeAndNeverSendsALetterTwice() throws Exception {
    Cli cli = week();
    assertEquals(0, cli.run("send").code());
    assertEquals(4, mail.getReceivedMessages().length);
    String before = everything(cli);
    Path file = dir.resolve("backups/veille-2026-11-23.db");
    Cli.Result backup = cli.run("backup", file.toString());
    assertEquals(0, backup.code(), backup.toString());
    assertTrue(
        backup.out().matches("Backup .*: [\\d,]+ items, 3 sources, 4 deliveries, .* MB\\.\\n"),
        backup.out());

    Path elsewhere = dir.resolve("new-server/data");
    Cli.Result restore = cli.run("restore", file.toString(), "--data", elsewhere.toString());
    assertEquals(0, restore.code(), restore.toString());
    assertTrue(restore.out().contains("search index rebuilt"), restore.out());

    Cli restored = on(cli, elsewhere);
    assertEquals(before, everything(restored), "same results from the restored store");
    Cli.Result again = restored.run("send");
    assertEquals(0, again.code(), again.toString());
    assertTrue(again.out().contains("0 sent, 4 already sent"), again.out());
    assertEquals(4, mail.getReceivedMessages().length, "nobody gets the letter twice");
  }

  @Test
  void restoreRefusesAFolderWithAStoreUnlessForcedAndThenKeepsTheOldAside() throws Exception {
    Cli cli = week();
    Path file = dir.resolve("snapshot.db");
    assertEquals(0, cli.run("backup", file.toString()).code());
    List<String> before = files(cli.data());
    Cli.Result refused = cli.run("restore", file.toString());
    assertEquals(2, refused.code(), refused.toString());
    assertTrue(
        refused.err().contains("is not empty (") && refused.err().contains("--force"),
        refused.err());
    assertEquals(before, files(cli.data()), "nothing moved");
    Cli.Result forced = cli.run("restore", file.toString(), "--force");
    assertEquals(0, forced.code(), forced.toString());
    assertTrue(
        files(cli.data()).stream().anyMatch(f -> f.startsWith("replaced-")),
        files(cli.data()).toString());
    assertTrue(everything(cli).lines().count() > 3);
  }

  @Test
  void backupNeverOverwritesAFile() throws Exception {
    Cli cli = week();
    Path file = dir.resolve("precious.db");
    Files.writeString(file, "last month's backup");
    Cli.Result r = cli.run("backup", file.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("already exists"), r.err());
    assertEquals("last month's backup", Files.readString(file));
  }

  @Test
  void badBackupsAreNamedAndTheDataFolderStaysEmpty() throws Exception {
    Cli cli = week();
    Path good = dir.resolve("good.db");
    assertEquals(0, cli.run("backup", good.toString()).code());
    Path text = dir.resolve("notes.db");
    Files.writeString(text, "Compte rendu de la réunion du 12 novembre\n".repeat(200));
    Path foreign = dir.resolve("other-app.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE contacts (name TEXT, email TEXT)");
      s.execute("INSERT INTO contacts VALUES ('Mairie de Bondy', 'contact@bondy.example')");
    }
    Path truncated = dir.resolve("truncated.db");
    byte[] bytes = Files.readAllBytes(good);
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
    Map<Path, String> cases =
        Map.of(
            text,
            "is not a Veille backup (not a SQLite database)",
            foreign,
            "not a Veille store",
            truncated,
            "",
            dir.resolve("missing.db"),
            "no backup file");
    for (Map.Entry<Path, String> c : cases.entrySet()) {
      Path target = dir.resolve("restore-" + c.getKey().getFileName());
      Cli.Result r = cli.run("restore", c.getKey().toString(), "--data", target.toString());
      assertNotEquals(0, r.code(), r.toString());
      assertTrue(r.err().contains(c.getKey().toString()), "names the file: " + r);
      assertTrue(r.err().contains(c.getValue()), r.toString());
      assertFalse(r.err().contains("unexpected error"), r.toString());
      assertEquals(List.of(), files(target), "nothing restored from " + c.getKey());
    }
  }

  @Test
  void importedItemsGetTheirCallDeadlinePlacesAndSignatureAsACrawlGivesThem() throws Exception {
    Cli cli = week();
    Path jsonl = dir.resolve("appels.jsonl");
    Files.writeString(
        jsonl,
        "{\"source\": \"aides\", \"title\": \"Appel à projets « Quartiers fertiles » : candidatures"
            + " jusqu'au 15 mars 2027\", \"url\": \"https://aides.example.gouv.fr/aap/quartiers-fertiles\","
            + " \"published\": \"2026-11-24T09:00:00Z\", \"summary\": \"L'ANRU lance la troisième"
            + " vague de l'appel à projets Quartiers fertiles pour l'agriculture urbaine dans les"
            + " quartiers prioritaires. Montreuil et Bobigny y ont déjà pris part ; les dossiers sont"
            + " à déposer avant le 15 mars 2027 à midi sur la plateforme.\"}\n",
        StandardCharsets.UTF_8);
    Cli other = on(cli, dir.resolve("imported/data"));
    Cli.Result imported = other.run("import", jsonl.toString());
    assertEquals(0, imported.code(), imported.toString());
    Cli.Result calls = other.run("calls", "--format", "json");
    assertEquals(0, calls.code(), calls.toString());
    assertTrue(calls.out().contains("Quartiers fertiles"), calls.out());
    assertTrue(calls.out().contains("2027-03-15"), calls.out());
    Cli.Result place = other.run("search", "commune:Montreuil", "--format", "json");
    assertTrue(place.out().contains("Quartiers fertiles"), place.toString());
  }

  @Test
  void importMergesAnExportWithoutDuplicatesAndNamesBadLines() throws Exception {
    Cli cli = week();
    Cli.Result export = cli.run("export");
    assertEquals(0, export.code(), export.toString());
    long items = export.out().lines().count();
    Path jsonl = dir.resolve("export.jsonl");
    Files.writeString(jsonl, export.out(), StandardCharsets.UTF_8);

    Cli other = on(cli, dir.resolve("other/data"));
    Cli.Result first = other.run("import", jsonl.toString());
    assertEquals(0, first.code(), first.toString());
    assertEquals(
        "Imported " + jsonl + ": " + items + " new, 0 updated, 0 lines skipped.\n", first.out());
    assertEquals(items + 1, everything(other).lines().count(), "imported items are searchable");
    assertEquals(everything(cli).lines().count(), everything(other).lines().count());
    Cli.Result second = other.run("import", jsonl.toString());
    assertTrue(second.out().contains(": 0 new, 0 updated"), "no duplicates: " + second.out());

    Path bad = dir.resolve("bad.jsonl");
    List<String> lines = export.out().lines().toList();
    Files.writeString(
        bad,
        lines.get(0)
            + "\n{\"title\": \"sans source\"}\n"
            + "not json at all\n"
            + "{\"source\": \"gazette\", \"title\": \"Date illisible\", \"published\": \"lundi\"}\n"
            + "\n"
            + lines.get(1).replace("\"title\":", "\"titre\":")
            + "\n",
        StandardCharsets.UTF_8);
    Cli third = on(cli, dir.resolve("third/data"));
    Cli.Result partial = third.run("import", bad.toString());
    assertEquals(1, partial.code(), partial.toString());
    assertTrue(partial.out().contains(": 1 new, 0 updated, 4 lines skipped."), partial.out());
    for (int line : new int[] {2, 3, 4, 6}) {
      assertTrue(partial.err().contains(bad + ":" + line + ": skipped: "), partial.err());
    }
    assertEquals(2, everything(third).lines().count(), "the good line is in, header + 1 row");
  }
}
