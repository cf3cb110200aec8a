package org.veille.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped gazetteer holds the Métropole since 2025; a bad file says what and where. */
class GazetteerTest {
  @TempDir Path dir;

  @Test
  void theShippedGazetteerIsTheMetropoleSince2025() {
    Gazetteer g = Gazetteer.shipped();
    assertEquals(130, g.communes().size());
    assertEquals(12, g.territories().size());
    assertEquals("T1", g.territories().get(0).code());
    assertEquals("Grand-Orly Seine Bièvre", g.territory("T12").orElseThrow().name());
    assertEquals(
        Set.of("75", "91", "92", "93", "94", "95"),
        g.departements().stream().map(Gazetteer.Area::code).collect(Collectors.toSet()));
    long outerRing =
        g.communes().stream()
            .filter(c -> c.departement().equals("91") || c.departement().equals("95"))
            .count();
    assertEquals(7, outerRing);
    assertTrue(g.commune("93059").isEmpty(), "Pierrefitte-sur-Seine merged into Saint-Denis");
    Gazetteer.Commune saintDenis = g.commune("93066").orElseThrow();
    assertTrue(saintDenis.aliases().contains("Pierrefitte-sur-Seine"));
    assertEquals("T6", saintDenis.territory());
    for (Gazetteer.Commune c : g.communes()) {
      assertTrue(g.territory(c.territory()).isPresent(), c.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '§',
      textBlock =
          """
          commune\\t93048\\tMontreuil\\t93\\tT8\\t\\t                     § x.tsv:3: commune 93048 is in département '93', which no 'departement' line above declares
          departement\\t93\\tSeine-Saint-Denis\\t\\t\\t\\t                § x.tsv:3: expected 7 tab-separated columns (kind, code, name, departement, territory, aliases, postal_codes), found 6
          ville\\t93048\\tMontreuil\\t93\\t\\t\\t                         § x.tsv:3: unknown kind 'ville' (expected departement, territory, commune or outside)
          commune\\t93 048\\tMontreuil\\t93\\t\\t\\t                      § x.tsv:3: bad code '93 048' (letters and digits only, e.g. 93066 or T6)
          commune\\t93048\\t\\t93\\t\\t\\t                                § x.tsv:3: the name is missing
          commune\\t93048\\tMontreuil\\t93\\tT8\\t\\t                     § x.tsv:3: commune 93048 is in territory 'T8', which no 'territory' line above declares
          commune\\t93048\\tMontreuil\\t93\\t\\tMontreuil-sous-Bois||\\t  § x.tsv:3: an empty entry in aliases ('||' or a '|' at an end)
          commune\\t93048\\tMontreuil\\t93\\t\\t\\t9310                   § x.tsv:3: postal code '9310' of commune 93048 is not five digits
          commune\\t93066\\tSaint-Denis\\t93\\t\\t\\t                     § x.tsv:3: commune 93066 is declared twice
          outside\\t75056\\tMontreuil-sur-Mer\\t\\t\\t\\t                 § x.tsv:3: outside place 'Montreuil-sur-Mer' names unknown commune 75056
          """)
  void aBadLineIsNamed(String line, String message) {
    String body = line.strip().replace("\\t", "\t");
    String head = "departement\t93\tSeine-Saint-Denis\t\t\t\t\n";
    String two = head + "commune\t93066\tSaint-Denis\t93\t\t\t\n";
    String text =
        message.contains("no 'departement'")
            ? "# a comment\n\n" + body + "\n"
            : message.contains("found 6")
                ? two + body.replaceFirst("\t$", "") + "\n"
                : two + body + "\n";
    GazetteerException e =
        assertThrows(GazetteerException.class, () -> Gazetteer.parse(text, "x.tsv"));
    assertEquals(message, e.getMessage());
    assertEquals(3, e.line());
  }

  @Test
  void fileProblems() throws Exception {
    assertEquals(
        "none.tsv: no such file",
        Gazetteer.problem(dir.resolve("none.tsv").toString()).orElseThrow().replace(dir + "/", ""));
    Path latin1 = dir.resolve("latin1.tsv");
    Files.write(
        latin1,
        "departement\t93\tSeine-Saint-Denis\t\t\t\t\ncommune\t93048\tMontr\u00e9uil\t93\t\t\t\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertEquals(latin1 + ": not UTF-8 text", Gazetteer.problem(latin1.toString()).orElseThrow());
    Path empty = dir.resolve("empty.tsv");
    Files.writeString(empty, "# nothing\ndepartement\t93\tSeine-Saint-Denis\t\t\t\t\n");
    assertTrue(
        Gazetteer.problem(empty.toString())
            .orElseThrow()
            .endsWith(": no communes (a line 'commune<TAB>CODE<TAB>NAME<TAB>…' per commune)"));
    Path good = dir.resolve("good.tsv");
    Files.writeString(
        good,
        "\uFEFFdepartement\t93\tSeine-Saint-Denis\t\t\t\t\r\ncommune\t93048\tMontreuil\t93\t\t\t93100\r\n");
    assertTrue(Gazetteer.problem(good.toString()).isEmpty());
    assertEquals(
        List.of("93048"),
        new PlaceTagger(Gazetteer.read(good)).tag("Montreuil, 93100", "").communeCodes());
  }
}
