package org.veille.territory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the tagger on labelled local news (see {@code
 * labelled/territories/README.md}): communes, territories and départements, on the development set
 * and on the held-out set. Writes a per-commune report to {@code target/territories-report.txt}.
 */
class LabelledTerritoriesTest {
  private static final Gazetteer GAZETTEER = Gazetteer.shipped();
  private static final PlaceTagger TAGGER = new PlaceTagger(GAZETTEER);

  record Item(
      String id,
      String title,
      String text,
      Set<String> communes,
      Set<String> epts,
      Set<String> depts) {}

  /** Counts of one kind of place: true positives, false positives and false negatives, by code. */
  static final class Score {
    final Map<String, int[]> byCode = new TreeMap<>();
    final List<String> errors = new ArrayList<>();
    int tp;
    int fp;
    int fn;

    void add(String id, Set<String> gold, Set<String> found) {
      for (String c : found) {
        int[] n = byCode.computeIfAbsent(c, k -> new int[3]);
        if (gold.contains(c)) {
          tp++;
          n[0]++;
        } else {
          fp++;
          n[1]++;
          errors.add(id + ": extra " + c);
        }
      }
      for (String c : gold) {
        if (!found.contains(c)) {
          fn++;
          byCode.computeIfAbsent(c, k -> new int[3])[2]++;
          errors.add(id + ": missed " + c);
        }
      }
    }

    double precision() {
      return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }

    String line(String name) {
      return String.format(
          "%-13s P %.3f  R %.3f  (tp %d, fp %d, fn %d)", name, precision(), recall(), tp, fp, fn);
    }
  }

  record Scores(Score communes, Score epts, Score depts, int items, double msPerItem) {}

  static List<Item> read(String file) throws IOException {
    String text;
    try (InputStream in =
        LabelledTerritoriesTest.class.getResourceAsStream("/labelled/territories/" + file)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Item> items = new ArrayList<>();
    for (String block : text.split("(?m)^=== ")) {
      if (block.isBlank()) {
        continue;
      }
      String[] lines = block.split("\n");
      Map<String, String> f = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        f.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
      }
      items.add(
          new Item(
              lines[0].strip(),
              f.get("title"),
              f.get("text"),
              codes(f.get("communes")),
              codes(f.get("epts")),
              codes(f.get("departements"))));
    }
    return items;
  }

  private static Set<String> codes(String s) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : s.split("\\s+")) {
      if (!c.isBlank()) {
        out.add(c);
      }
    }
    return out;
  }

  static Scores score(List<Item> items) {
    Score communes = new Score();
    Score epts = new Score();
    Score depts = new Score();
    long nanos = 0;
    for (Item item : items) {
      long start = System.nanoTime();
      Places p = TAGGER.tag(item.title(), item.text());
      nanos += System.nanoTime() - start;
      Set<String> goldEpts = new LinkedHashSet<>(item.epts());
      Set<String> goldDepts = new LinkedHashSet<>(item.depts());
      for (String c : item.communes()) {
        Gazetteer.Commune commune = GAZETTEER.commune(c).orElseThrow(() -> new AssertionError(c));
        goldEpts.add(commune.territory());
        goldDepts.add(commune.departement());
      }
      communes.add(item.id(), item.communes(), Set.copyOf(p.communeCodes()));
      epts.add(item.id(), goldEpts, Set.copyOf(p.eptCodes()));
      depts.add(item.id(), goldDepts, Set.copyOf(p.departementCodes()));
    }
    return new Scores(communes, epts, depts, items.size(), nanos / 1e6 / items.size());
  }

  @Test
  void developmentAndHeldOutSetsMeetTheTargets() throws IOException {
    Scores dev = score(read("dev.txt"));
    Scores heldout = score(read("heldout.txt"));
    StringBuilder report = new StringBuilder();
    summary(report, "dev", dev);
    summary(report, "held-out", heldout);
    report.append("\nper commune (both sets): tp fp fn precision recall\n");
    List<Item> all = new ArrayList<>(read("dev.txt"));
    all.addAll(read("heldout.txt"));
    Scores both = score(all);
    for (var e : both.communes().byCode.entrySet()) {
      int[] n = e.getValue();
      report.append(
          String.format(
              "%-6s %-26s %3d %3d %3d  %s  %s%n",
              e.getKey(),
              GAZETTEER.commune(e.getKey()).map(Gazetteer.Commune::name).orElse("?"),
              n[0],
              n[1],
              n[2],
              n[0] + n[1] == 0 ? "  -  " : String.format("%.3f", (double) n[0] / (n[0] + n[1])),
              n[0] + n[2] == 0 ? "  -  " : String.format("%.3f", (double) n[0] / (n[0] + n[2]))));
    }
    report.append("\nerrors (communes):\n");
    both.communes().errors.forEach(e -> report.append("  ").append(e).append('\n'));
    Path out = Path.of("target", "territories-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
    for (Scores s : List.of(dev, heldout)) {
      assertTrue(s.communes().precision() >= 0.9, report::toString);
      assertTrue(s.communes().recall() >= 0.85, report::toString);
    }
  }

  private static void summary(StringBuilder sb, String name, Scores s) {
    sb.append(String.format("%s: %d items, %.3f ms per item%n", name, s.items(), s.msPerItem()));
    sb.append("  ").append(s.communes().line("communes")).append('\n');
    sb.append("  ").append(s.epts().line("territories")).append('\n');
    sb.append("  ").append(s.depts().line("départements")).append('\n');
  }
}
