package org.veille.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.veille.config.SourceConfig;
import org.veille.index.LuceneIndex;
import org.veille.index.SearchRequest;
import org.veille.parse.ParsedItem;
import org.veille.store.SqliteStore;

/**
 * The search benchmark behind {@code scripts/bench search}. Not a test: it generates a store of N
 * items of the benchmark corpus ({@link BenchCorpus}; with {@code BENCH_CORPUS=light}, the earlier
 * plain texts of 200–2,000 characters), then measures in-process query latency on the index that
 * {@code veille reindex} built: 200 queries of one to three words and phrases with 10 hits, without
 * and with snippets, and filtered and faceted ones.
 *
 * <p>Usage: {@code SearchBench generate DIR N} writes DIR/feeds.yaml and DIR/data/veille.db; {@code
 * SearchBench queries DIR} prints p50/p99 over a mix of queries, and the index size.
 */
public final class SearchBench {
  private static final String[] FR =
      ("ville villes intelligente intelligentes innovation publique métropole "
              + "commune communes collectivité collectivités territoire territoires mobilité zone zones faibles émissions "
              + "climat inondation prévention données ouvertes numérique service services projet projets appel "
              + "financement europe européenne coopération habitants participation budget logement urbanisme transport "
              + "vélo énergie transition écologique eau déchets école santé culture sport quartier rénovation agents "
              + "expérimentation laboratoire politique politiques élus maire conseil plan schéma aménagement")
          .split(" ");
  private static final String[] FR_GLUE =
      "le la les des du de un une et pour dans sur avec par qui que est sont".split(" ");
  private static final String[] EN =
      ("city cities smart innovation public sector government local authority "
              + "mobility emission emissions zone zones climate flood prevention open data digital service services "
              + "project projects call funding europe european cooperation citizens participation budget housing "
              + "planning transport cycling energy transition water waste school health culture neighbourhood "
              + "renovation officers experiment lab policy policies mayor council plan strategy network")
          .split(" ");
  private static final String[] EN_GLUE =
      "the of and to in for on with by that is are a an".split(" ");
  private static final String[] SOURCES = new String[50];

  static {
    for (int i = 0; i < SOURCES.length; i++) {
      SOURCES[i] = "source-" + i;
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "generate" ->
          generate(
              dir, Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 60);
      case "digest" -> digest(dir, args[2]);
      case "queries" -> queries(dir);
      default -> throw new IllegalArgumentException("generate DIR N | queries DIR");
    }
  }

  /**
   * Content vocabulary of each language: the domain words first (frequent), then rarer made-up
   * words.
   */
  private static final String[][] VOCAB = {vocabulary(FR, 1), vocabulary(EN, 2)};

  private static final int RANK_OFFSET =
      20; // content words after stop words: no word is in every item
  private static final double[][] CUMULATIVE = {
    cumulative(VOCAB[0].length), cumulative(VOCAB[1].length)
  };

  private static String[] vocabulary(String[] domain, long seed) {
    String[] syllables =
        "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu tion ment eur ique ance"
            .split(" ");
    Random r = new Random(seed);
    List<String> words = new ArrayList<>(Arrays.asList(domain));
    java.util.Set<String> seen = new java.util.HashSet<>(words);
    while (words.size() < 30_000) {
      StringBuilder w = new StringBuilder();
      int n = 2 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        w.append(syllables[r.nextInt(syllables.length)]);
      }
      if (seen.add(w.toString())) {
        words.add(w.toString());
      }
    }
    return words.toArray(String[]::new);
  }

  private static double[] cumulative(int n) {
    double[] c = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1.0 / (k + 1 + RANK_OFFSET);
      c[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      c[k] /= sum;
    }
    return c;
  }

  /** A word drawn with Zipf's law over the vocabulary, as in real text. */
  private static String word(Random r, boolean fr) {
    double[] c = CUMULATIVE[fr ? 0 : 1];
    int i = Arrays.binarySearch(c, r.nextDouble());
    return VOCAB[fr ? 0 : 1][Math.min(c.length - 1, i < 0 ? -i - 1 : i)];
  }

  private static String text(Random r, boolean fr, int chars) {
    StringBuilder sb = new StringBuilder(chars + 20);
    String[] glue = fr ? FR_GLUE : EN_GLUE;
    while (sb.length() < chars) {
      int n = 6 + r.nextInt(12);
      for (int w = 0; w < n; w++) {
        String s = r.nextInt(3) == 0 ? glue[r.nextInt(glue.length)] : word(r, fr);
        if (w == 0) {
          s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        sb.append(s).append(w == n - 1 ? ". " : " ");
      }
    }
    return sb.toString().strip();
  }

  private static final String[] TOPICS = {
    "innovation-publique",
    "smart-city",
    "donnees-numerique",
    "mobilite-zfe",
    "climat-gemapi",
    "cooperation-territoriale",
    "europe",
    "appels-a-projets"
  };

  static void generate(Path dir, int n, int spacingSeconds) throws Exception {
    Files.createDirectories(dir.resolve("data"));
    StringBuilder yaml =
        new StringBuilder(
            "settings:\n  data_dir: data\n  timezone: Europe/Paris\n"
                + "  newsletter: {title: \"Veille innovation publique\", max_items: 40, recipients: [\"a@example.org\"]}\ntopics:\n");
    for (String t : TOPICS) {
      yaml.append("  - {id: ")
          .append(t)
          .append(", name: \"")
          .append(t)
          .append("\", query: \"")
          .append(t.split("-")[0])
          .append("\"}\n");
    }
    yaml.append("sources:\n");
    List<SourceConfig> sources = new ArrayList<>();
    for (String s : SOURCES) {
      yaml.append("  - {id: ")
          .append(s)
          .append(", url: \"https://")
          .append(s)
          .append(".example/feed\"}\n");
      sources.add(
          new SourceConfig(
              s,
              null,
              URI.create("https://" + s + ".example/feed"),
              SourceConfig.SourceType.FEED,
              null,
              List.of(),
              true,
              1,
              null,
              1));
    }
    Files.writeString(dir.resolve("feeds.yaml"), yaml.toString());
    Random r = new Random(42);
    BenchCorpus corpus = BenchCorpus.fromEnvironment();
    boolean light = corpus.kind() == BenchCorpus.Kind.LIGHT;
    long textBytes = 0;
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    long t0 = System.nanoTime();
    try (SqliteStore store = SqliteStore.open(dir.resolve("data/veille.db"))) {
      store.sources().sync(sources);
      int done = 0;
      int feed = 0;
      while (done < n) {
        int batch = Math.min(2000, n - done);
        String source = SOURCES[r.nextInt(SOURCES.length)];
        List<ParsedItem> items = new ArrayList<>(batch);
        List<List<String>> topics = new ArrayList<>(batch);
        List<BenchCorpus.Item> generated = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
          int k = done + i;
          Instant at = start.plusSeconds((long) k * spacingSeconds);
          ParsedItem item;
          if (light) {
            item = lightItem(r, k, source, at);
          } else {
            if (generated.isEmpty()) {
              generated.addAll(corpus.items(++feed));
            }
            item = realisticItem(generated.remove(generated.size() - 1), k, source, at);
          }
          textBytes +=
              (item.title() + item.summary() + item.contentText())
                  .getBytes(StandardCharsets.UTF_8)
                  .length;
          items.add(item);
          List<String> t = new ArrayList<>();
          for (int j = r.nextInt(4) - 1; j > 0; j--) {
            String topic = TOPICS[r.nextInt(TOPICS.length)];
            if (!t.contains(topic)) {
              t.add(topic);
            }
          }
          topics.add(t);
        }
        // First seen an hour after the batch's last item, as a crawl running hourly would.
        Instant seen = start.plusSeconds((long) (done + batch) * spacingSeconds + 3600);
        store.saveFetch(org.veille.support.Fetches.ok(source, seen, items, topics));
        done += batch;
      }
    }
    Files.writeString(dir.resolve("text-bytes"), String.valueOf(textBytes));
    System.out.printf(
        "generated %d items (%.0f MB of text) in %.1f s%n",
        n, textBytes / 1e6, (System.nanoTime() - t0) / 1e9);
  }

  /** An item of the earlier corpus: plain Zipf text from a small vocabulary. */
  private static ParsedItem lightItem(Random r, int k, String source, Instant at) {
    boolean fr = r.nextInt(10) < 7;
    String title = text(r, fr, 40 + r.nextInt(60)).replaceAll("\\.$", "");
    String body = text(r, fr, 200 + r.nextInt(1800));
    int cut = Math.min(body.length(), 300);
    String summary =
        body.substring(0, body.lastIndexOf(' ', cut) > 0 ? body.lastIndexOf(' ', cut) : cut);
    String content = body.length() > summary.length() ? body : "";
    return new ParsedItem(
        "bench-" + k,
        URI.create("https://" + source + ".example/a/" + k),
        title,
        summary,
        content,
        "",
        null,
        at,
        null,
        List.of(),
        fr ? "fr" : "en");
  }

  /** An item of the realistic corpus, as the feed parser would hand it over. */
  private static ParsedItem realisticItem(BenchCorpus.Item g, int k, String source, Instant at) {
    String text = g.text();
    int cut = text.lastIndexOf(' ', Math.min(text.length(), 300));
    String summary = text.length() <= 300 || cut < 0 ? text : text.substring(0, cut) + "…";
    return new ParsedItem(
        "bench-" + k,
        URI.create("https://" + source + ".example/a/" + k),
        g.title(),
        summary,
        text,
        g.html(),
        g.author(),
        at,
        null,
        g.categories(),
        g.lang());
  }

  /**
   * A query word: a real word of the language past its 40 most frequent (stop words, mostly), or
   * any word drawn by Zipf's law past them, rare ones included.
   */
  private static String queryWord(BenchCorpus corpus, Random r, boolean fr) {
    if (corpus.kind() == BenchCorpus.Kind.LIGHT) {
      String[] words = fr ? FR : EN;
      return r.nextBoolean() ? words[r.nextInt(words.length)] : word(r, fr);
    }
    List<String> real = corpus.realWords(fr);
    String w =
        r.nextBoolean() ? real.get(40 + r.nextInt(real.size() - 40)) : corpus.word(r, fr, 40);
    return w.contains(" ") ? "\"" + w + "\"" : w;
  }

  static void queries(Path dir) throws Exception {
    BenchCorpus corpus = BenchCorpus.fromEnvironment();
    // 200 plain queries of one to three words and short phrases, 10 hits, as users type them.
    List<SearchRequest> plain = new ArrayList<>();
    Random r = new Random(7);
    for (int i = 0; i < 50; i++) {
      boolean fr = r.nextInt(10) < 4;
      String w1 = queryWord(corpus, r, fr);
      String w2 = queryWord(corpus, r, fr);
      String w3 = queryWord(corpus, r, fr);
      plain.add(top10(w1));
      plain.add(top10(w1 + " " + w2));
      plain.add(top10(w1 + " " + w2 + " " + w3));
      plain.add(top10("\"" + w2.replace("\"", "") + " " + w3.replace("\"", "") + "\""));
    }
    // Filtered (date, source, language; newest first) and faceted queries, 20 hits.
    List<SearchRequest> other = new ArrayList<>();
    Instant end = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * 200_000);
    for (int i = 0; i < 50; i++) {
      boolean fr = r.nextInt(10) < 4;
      String w1 = queryWord(corpus, r, fr);
      String w2 = queryWord(corpus, r, fr);
      other.add(
          new SearchRequest(
              w1,
              end.minusSeconds(86_400L * 30),
              null,
              List.of(SOURCES[r.nextInt(SOURCES.length)]),
              List.of(),
              fr ? "fr" : "en",
              SearchRequest.Sort.DATE,
              20,
              0,
              false));
      other.add(
          new SearchRequest(
              w1 + " OR " + w2,
              null,
              null,
              List.of(),
              List.of(),
              null,
              SearchRequest.Sort.RELEVANCE,
              20,
              0,
              true));
    }
    try (SqliteStore store = SqliteStore.open(dir.resolve("data/veille.db"));
        LuceneIndex index = LuceneIndex.open(dir.resolve("data/index"))) {
      org.veille.index.SnippetSource snippets = org.veille.sync.Documents.snippets(store.items());
      // Warm as a running `veille serve` is: three rounds of every query at least, and at least
      // WARM seconds of them (default 10), so that the optimising compiler has compiled the
      // search path; three rounds alone left it half compiled (p50 about three times higher).
      long warm = Long.getLong("veille.bench.warmSeconds", 10L) * 1_000_000_000L;
      long warmStart = System.nanoTime();
      for (int round = 0; round < 3 || System.nanoTime() - warmStart < warm; round++) {
        for (SearchRequest q : plain) {
          index.search(q, snippets);
          index.search(q, org.veille.index.SnippetSource.NONE);
        }
        for (SearchRequest q : other) {
          index.search(q, snippets);
        }
      }
      long hits = 0;
      for (SearchRequest q : plain) {
        hits += index.search(q, org.veille.index.SnippetSource.NONE).total();
      }
      System.out.printf(
          "queries: %d of one to three words and phrases, 10 hits, warm (%.0f s of queries first);"
              + " avg total hits %d%n",
          plain.size(), warm / 1e9, hits / plain.size());
      report("without snippets", time(index, plain, org.veille.index.SnippetSource.NONE), 4);
      report("with snippets", time(index, plain, snippets), 4);
      report("filtered+faceted, 20 hits with snippets", time(index, other, snippets), 2);
      long textBytes = Long.parseLong(Files.readString(dir.resolve("text-bytes")).strip());
      System.out.printf(
          "index size: %.0f MB for %.0f MB of stored text (%.2fx)%n",
          index.bytes() / 1e6, textBytes / 1e6, (double) index.bytes() / textBytes);
    }
  }

  private static SearchRequest top10(String q) {
    return new SearchRequest(
        q, null, null, List.of(), List.of(), null, SearchRequest.Sort.RELEVANCE, 10, 0, false);
  }

  /** Nanoseconds of each query, best of two passes per query (the machine is shared). */
  private static long[] time(
      LuceneIndex index, List<SearchRequest> mix, org.veille.index.SnippetSource snippets)
      throws Exception {
    long[] ns = new long[mix.size()];
    Arrays.fill(ns, Long.MAX_VALUE);
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < mix.size(); i++) {
        long t = System.nanoTime();
        index.search(mix.get(i), snippets);
        ns[i] = Math.min(ns[i], System.nanoTime() - t);
      }
    }
    return ns;
  }

  private static void report(String label, long[] ns, int kinds) {
    StringBuilder per = new StringBuilder();
    String[] names =
        kinds == 4
            ? new String[] {"1 word", "2 words", "3 words", "phrase"}
            : new String[] {"filtered", "faceted"};
    for (int k = 0; k < kinds; k++) {
      long[] part = new long[ns.length / kinds];
      for (int i = 0; i < part.length; i++) {
        part[i] = ns[i * kinds + k];
      }
      Arrays.sort(part);
      per.append(String.format("  %s p50 %.2f", names[k], part[part.length / 2] / 1e6));
    }
    long[] all = ns.clone();
    Arrays.sort(all);
    System.out.printf(
        "%-40s p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms |%s%n",
        label,
        all[all.length / 2] / 1e6,
        all[(int) (all.length * 0.9)] / 1e6,
        all[(int) (all.length * 0.99)] / 1e6,
        all[all.length - 1] / 1e6,
        per);
  }

  /** Builds and renders every format of one week's digest in-process, after JVM start. */
  static void digest(Path dir, String week) throws Exception {
    var config = org.veille.support.Fetches.config(dir.resolve("feeds.yaml"));
    try (SqliteStore store = SqliteStore.open(dir.resolve("data/veille.db"))) {
      for (int round = 0; round < 2; round++) {
        long t0 = System.nanoTime();
        var period = org.veille.digest.Period.week(week, config.settings().timezone());
        var digest = new org.veille.digest.DigestBuilder(config, store.items()).build(period);
        long t1 = System.nanoTime();
        var renderer = new org.veille.digest.DigestRenderer(config);
        int bytes = 0;
        for (var f : org.veille.digest.DigestRenderer.Format.values()) {
          bytes += renderer.render(digest, f, List.of()).length();
        }
        bytes +=
            new org.veille.digest.DigestArchive(dir.resolve("data/digests"), config)
                .publish(digest, renderer)
                .size();
        long t2 = System.nanoTime();
        System.out.printf(
            "%s digest %s: %d items in the week, %d shown; select+rank %.0f ms, render all formats + archive %.0f ms%n",
            round == 0 ? "first" : "again",
            week,
            digest.items(),
            digest.shown().size(),
            (t1 - t0) / 1e6,
            (t2 - t1) / 1e6);
      }
    }
  }
}
