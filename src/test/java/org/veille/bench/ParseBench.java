package org.veille.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.veille.parse.FeedParser;
import org.veille.parse.ParseResult;

/**
 * The parse timing behind {@code scripts/bench parse}. Not a test: it parses every feed of the
 * fidelity fixtures (WordPress, SPIP, Drupal, Joomla, Atom, JSON Feed…) over and over in one thread
 * and prints the thread's CPU time per parsed item, after a warm-up.
 *
 * <p>Usage: {@code ParseBench DIR [SECONDS]}.
 */
public final class ParseBench {
  private ParseBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
    List<Path> feeds;
    try (Stream<Path> files = Files.walk(dir)) {
      feeds =
          files
              .filter(Files::isRegularFile)
              .filter(p -> !p.toString().endsWith(".expected"))
              .sorted()
              .toList();
    }
    List<byte[]> bodies = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (Path p : feeds) {
      bodies.add(Files.readAllBytes(p));
      types.add(p.toString().endsWith(".json") ? "application/feed+json" : "application/xml");
    }
    FeedParser parser = new FeedParser();
    URI base = URI.create("https://www.example.fr/flux/");
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    measure("all feeds", parser, base, bodies, types, seconds / 2, cpu);
    List<byte[]> xml = new ArrayList<>();
    List<String> xmlTypes = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      if (!types.get(i).contains("json")) {
        xml.add(bodies.get(i));
        xmlTypes.add(types.get(i));
      }
    }
    measure("RSS/Atom only", parser, base, xml, xmlTypes, seconds / 2, cpu);
  }

  private static void measure(
      String label,
      FeedParser parser,
      URI base,
      List<byte[]> bodies,
      List<String> types,
      double seconds,
      ThreadMXBean cpu) {
    round(parser, base, bodies, types, 3); // warm-up
    long items = 0;
    long rounds = 0;
    long t0 = cpu.getCurrentThreadCpuTime();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline) {
      items += round(parser, base, bodies, types, 1);
      rounds++;
    }
    long cpuNanos = cpu.getCurrentThreadCpuTime() - t0;
    System.out.printf(
        "parse, %s: %d feeds × %d rounds, %d items, CPU %.1f µs per item (%.0f items/s on one"
            + " core)%n",
        label,
        bodies.size(),
        rounds,
        items,
        cpuNanos / 1e3 / Math.max(1, items),
        items / (cpuNanos / 1e9));
  }

  private static long round(
      FeedParser parser, URI base, List<byte[]> bodies, List<String> types, int times) {
    long items = 0;
    for (int t = 0; t < times; t++) {
      for (int i = 0; i < bodies.size(); i++) {
        ParseResult r = parser.parse(base, bodies.get(i), types.get(i), null);
        if (r instanceof ParseResult.Parsed p) {
          items += p.feed().items().size();
        }
      }
    }
    return items;
  }
}
