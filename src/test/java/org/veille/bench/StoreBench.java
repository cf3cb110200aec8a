package org.veille.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.veille.cluster.Signer;
import org.veille.config.SourceConfig;
import org.veille.enrich.CallDetection;
import org.veille.enrich.Enricher;
import org.veille.enrich.EnrichmentChain;
import org.veille.enrich.PlaceTagging;
import org.veille.enrich.Signing;
import org.veille.parse.FeedParser;
import org.veille.parse.ParseResult;
import org.veille.store.EnrichedItem;
import org.veille.store.FetchRecord;
import org.veille.store.SaveResult;
import org.veille.store.SqliteStore;
import org.veille.territory.Gazetteer;
import org.veille.territory.PlaceTagger;

/**
 * The writer's timing behind {@code scripts/bench store}. Not a test: it parses and enriches the
 * benchmark corpus's feeds once, in memory, then stores them into fresh SQLite files on one thread,
 * as a crawl's writer does, the sources saved one by one and in groups of several per transaction,
 * the configurations taking turns so that a noisy machine slows each alike. Prints the thread's CPU
 * time and the wall time per configuration, best of the rounds.
 *
 * <p>Usage: {@code StoreBench WORKDIR [N_FEEDS] [ROUNDS] [GROUPS]}, GROUPS a comma-separated list
 * of sources per transaction (default {@code 1,16}).
 */
public final class StoreBench {
  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<Integer> groups =
        Stream.of((args.length > 3 ? args[3] : "1,16").split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    BenchCorpus corpus = BenchCorpus.fromEnvironment();
    FeedParser parser = new FeedParser();
    Enricher enricher =
        new EnrichmentChain(
            List.of(
                new PlaceTagging(new PlaceTagger(Gazetteer.shipped())),
                new CallDetection(),
                new Signing(new Signer())));
    Instant at = Instant.parse("2026-12-01T07:00:00Z");
    List<SourceConfig> sources = new ArrayList<>();
    List<FetchRecord> records = new ArrayList<>();
    long items = 0;
    for (int i = 1; i <= n; i++) {
      String id = "feed-" + i;
      URI url = URI.create("http://127.0.0.2/feed/" + i + ".xml");
      SourceConfig source =
          new SourceConfig(
              id, null, url, SourceConfig.SourceType.FEED, null, List.of(), true, 1.0, null, 1);
      sources.add(source);
      byte[] body = corpus.feed(i).getBytes(StandardCharsets.UTF_8);
      ParseResult r = parser.parse(url, body, "application/xml", null);
      if (!(r instanceof ParseResult.Parsed p)) {
        throw new IllegalStateException("feed " + i + " did not parse: " + r);
      }
      List<EnrichedItem> enriched =
          enricher.enrich(source, p.feed().items().stream().map(EnrichedItem::of).toList());
      items += enriched.size();
      records.add(
          FetchRecord.ok(
              id,
              at,
              new FetchRecord.Transfer(200, 10, body.length, "\"e" + i + "\"", null, null),
              new FetchRecord.Feed("Feed " + i, "rss_2.0", false),
              enriched));
    }
    System.out.printf(
        "store benchmark: %d feeds, %d items (%s corpus), parsed and enriched in memory; "
            + "%d rounds, sources per transaction %s%n",
        n, items, corpus.kind().name().toLowerCase(java.util.Locale.ROOT), rounds, groups);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] bestCpu = new long[groups.size()];
    long[] bestWall = new long[groups.size()];
    java.util.Arrays.fill(bestCpu, Long.MAX_VALUE);
    java.util.Arrays.fill(bestWall, Long.MAX_VALUE);
    for (int round = 0; round < rounds; round++) {
      for (int g = 0; g < groups.size(); g++) {
        Path dir = work.resolve("round-" + round + "-" + groups.get(g));
        long stored = 0;
        long c0;
        long w0;
        try (SqliteStore store = SqliteStore.open(dir.resolve("veille.db"))) {
          store.sources().sync(sources);
          c0 = cpu.getCurrentThreadCpuTime();
          w0 = System.nanoTime();
          int size = groups.get(g);
          for (int from = 0; from < records.size(); from += size) {
            if (size == 1) {
              stored += store.saveFetch(records.get(from)).newItems();
              continue;
            }
            for (SaveResult s :
                store.saveFetches(records.subList(from, Math.min(records.size(), from + size)))) {
              stored += s.newItems();
            }
          }
          store.settleClusterKeys(); // as a crawl does at its end
        }
        long c = cpu.getCurrentThreadCpuTime() - c0;
        long w = System.nanoTime() - w0;
        bestCpu[g] = Math.min(bestCpu[g], c);
        bestWall[g] = Math.min(bestWall[g], w);
        System.out.printf(
            "  round %d, %2d per transaction: %6d stored, CPU %6.2f s (%5.1f µs per item), wall"
                + " %6.2f s%n",
            round + 1, groups.get(g), stored, c / 1e9, c / 1e3 / items, w / 1e9);
        deleteTree(dir);
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      System.out.printf(
          "best, %2d sources per transaction: CPU %.2f s (%.1f µs per item), wall %.2f s (%.0f"
              + " items/s)%n",
          groups.get(g),
          bestCpu[g] / 1e9,
          bestCpu[g] / 1e3 / items,
          bestWall[g] / 1e9,
          items / (bestWall[g] / 1e9));
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
