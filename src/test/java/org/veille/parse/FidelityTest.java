package org.veille.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fidelity harness: real-looking feeds under {@code src/test/resources/fidelity}, each with an
 * {@code .expected} file of the fields a careful reader would show, scored field by field. {@code
 * tuning/} is what the parser was tuned on; {@code heldout/} was written before any tuning and is
 * only scored. The report goes to stdout and to {@code target/fidelity.txt}.
 *
 * <p>Expected files hold {@code key op value} lines: {@code =} equals, {@code ^=} starts with,
 * {@code ~=} contains; {@code -} as a value means "absent". {@code [item]} starts the next item.
 */
class FidelityTest {
  private static final URI DOCUMENT = URI.create("https://www.example.fr/flux/");
  private static final List<String> FIELDS =
      List.of("title", "link", "id", "published", "updated", "summary", "content", "author");

  @Test
  void tuningSetIsReadAsACarefulReaderWould() throws IOException {
    Score s = score("tuning");
    assertTrue(s.share() >= 0.98, s.report());
  }

  @Test
  void heldOutSetScoresAtTheSameLevel() throws IOException {
    Score s = score("heldout");
    assertTrue(s.share() >= 0.95, s.report());
  }

  private static Score score(String set) throws IOException {
    Path dir = Path.of("src/test/resources/fidelity", set);
    Score score = new Score(set);
    List<Path> expected;
    try (Stream<Path> files = Files.list(dir)) {
      expected = files.filter(p -> p.toString().endsWith(".expected")).sorted().toList();
    }
    for (Path e : expected) {
      String name = e.getFileName().toString().replace(".expected", "");
      Path feed = feedFile(dir, name);
      score.feed(name, check(name, Files.readAllBytes(feed), feed, Files.readAllLines(e)));
    }
    String report = score.report();
    System.out.println(report);
    Path out = Path.of("target", "fidelity-" + set + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    return score;
  }

  private static Path feedFile(Path dir, String name) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(name + "."))
          .filter(p -> !p.toString().endsWith(".expected"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no feed for " + name));
    }
  }

  private static List<Check> check(String name, byte[] body, Path file, List<String> lines) {
    String type = file.toString().endsWith(".json") ? "application/feed+json" : "application/xml";
    ParseResult r = new FeedParser().parse(DOCUMENT, body, type, null);
    List<Check> checks = new ArrayList<>();
    List<Map<String, String[]>> items = new ArrayList<>();
    Map<String, String[]> feedFields = new TreeMap<>();
    Map<String, String[]> current = feedFields;
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (l.equals("[item]")) {
        current = new TreeMap<>();
        items.add(current);
        continue;
      }
      String[] parts = l.split(" ", 3);
      current.put(parts[0], new String[] {parts[1], parts.length > 2 ? parts[2] : ""});
    }
    ParsedFeed feed = r instanceof ParseResult.Parsed p ? p.feed() : null;
    String why = feed == null ? r.toString() : null;
    for (var f : feedFields.entrySet()) {
      String actual =
          switch (f.getKey()) {
            case "feed.title" -> feed == null ? null : feed.title();
            case "items" -> feed == null ? null : String.valueOf(feed.items().size());
            default -> throw new IllegalStateException(name + ": unknown key " + f.getKey());
          };
      checks.add(Check.of(name, f.getKey(), f.getValue(), actual, why));
    }
    for (int i = 0; i < items.size(); i++) {
      ParsedItem item = feed == null || i >= feed.items().size() ? null : feed.items().get(i);
      for (var f : items.get(i).entrySet()) {
        if (!FIELDS.contains(f.getKey())) {
          throw new IllegalStateException(name + ": unknown key " + f.getKey());
        }
        String actual = item == null ? null : field(item, f.getKey());
        String[] want = f.getValue();
        if (f.getKey().equals("link") && !want[1].equals("-")) {
          want = new String[] {want[0], CanonicalUrl.of(want[1], null).orElseThrow().toString()};
        }
        checks.add(
            Check.of(
                name + "#" + (i + 1),
                f.getKey(),
                want,
                actual,
                item == null ? (why != null ? why : "item missing") : null));
      }
    }
    return checks;
  }

  private static String field(ParsedItem item, String key) {
    return switch (key) {
      case "title" -> item.title();
      case "link" -> item.url() == null ? null : item.url().toString();
      case "id" -> item.guid();
      case "published" -> iso(item.published());
      case "updated" -> iso(item.updated());
      case "summary" -> item.summary();
      case "content" -> item.contentText();
      case "author" -> item.author();
      default -> throw new IllegalArgumentException(key);
    };
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  /** One checked field: what was wanted, what came out. */
  record Check(String where, String field, boolean right, String detail) {
    static Check of(String where, String field, String[] want, String actual, String why) {
      String op = want[0];
      String value = want[1];
      boolean absent = value.equals("-");
      boolean right;
      if (absent) {
        right = actual == null || actual.isEmpty();
      } else if (actual == null) {
        right = false;
      } else {
        right =
            switch (op) {
              case "=" -> actual.equals(value);
              case "^=" -> actual.startsWith(value);
              case "~=" -> actual.contains(value);
              default -> throw new IllegalArgumentException("unknown operator " + op);
            };
      }
      String detail =
          right
              ? ""
              : op
                  + " «"
                  + value
                  + "» but got «"
                  + actual
                  + "»"
                  + (why == null ? "" : " (" + why + ")");
      return new Check(where, field.replace("feed.", "feed "), right, detail);
    }
  }

  /** The share of checked fields right, per field and in all, with the misses listed. */
  static final class Score {
    private final String set;
    private final List<Check> checks = new ArrayList<>();
    private int feeds;

    Score(String set) {
      this.set = set;
    }

    void feed(String name, List<Check> c) {
      feeds++;
      checks.addAll(c);
    }

    double share() {
      return checks.stream().filter(Check::right).count() / (double) checks.size();
    }

    String report() {
      StringBuilder sb = new StringBuilder();
      sb.append(
          String.format(
              "fidelity %s: %d feeds, %d fields checked, %.1f %% right%n",
              set, feeds, checks.size(), 100 * share()));
      Map<String, int[]> byField = new TreeMap<>();
      for (Check c : checks) {
        int[] n = byField.computeIfAbsent(c.field(), k -> new int[2]);
        n[0] += c.right() ? 1 : 0;
        n[1]++;
      }
      byField.forEach((f, n) -> sb.append(String.format("  %-12s %3d / %3d%n", f, n[0], n[1])));
      for (Check c : checks) {
        if (!c.right()) {
          sb.append("  miss ").append(c.where()).append(' ').append(c.field()).append(": ");
          sb.append(c.detail()).append('\n');
        }
      }
      return sb.toString();
    }
  }
}
