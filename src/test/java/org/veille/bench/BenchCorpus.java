package org.veille.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark corpus: feeds that look like the ones real sites publish, the same from one run to
 * the next for a given seed. Words are drawn by Zipf's law from real French and English word lists
 * ({@code bench/words-fr.txt}, {@code bench/words-en.txt}, most frequent first), followed by a long
 * tail of rarer made-up words of the same shape standing for names and jargon. About 40 % of the
 * feeds are French and 20 % are Atom; each item has a title, an HTML description of 60–300 words
 * (paragraphs, inline markup, links, named and numeric entities) carried in CDATA or
 * entity-escaped, a date with a time-zone offset, one to four categories and an author.
 *
 * <p>{@link Kind#LIGHT} is the earlier corpus, kept as an option: RSS only, 60 plain words from a
 * list of 30 per item, UTC dates, no author nor category.
 */
public final class BenchCorpus {
  /** Items per feed. */
  public static final int ITEMS = 25;

  /** Which corpus. */
  public enum Kind {
    REALISTIC,
    LIGHT
  }

  /** One generated article, as its feed carries it. {@code html} is the description's markup. */
  public record Item(
      String guid,
      String url,
      String title,
      String html,
      String text,
      String author,
      List<String> categories,
      ZonedDateTime published,
      String lang) {}

  private static final int TAIL = 20_000;
  private static final String[] LIGHT_WORDS =
      ("ville intelligente innovation publique mobilité zone faibles émissions coopération"
              + " territoriale métropole données ouvertes climat inondation appel projets Europe"
              + " smart city public sector innovation funding cities citizens participation housing")
          .split(" ");
  private static final String[] FIRST_FR = {
    "Claire", "Marc", "Sophie", "Julien", "Camille", "Nicolas", "Élodie", "Thomas", "Anne", "Hélène"
  };
  private static final String[] LAST_FR = {
    "Dupont", "Leroy", "Martin", "Bernard", "Lefèvre", "Moreau", "Garnier", "Rousseau", "Faure"
  };
  private static final String[] FIRST_EN = {
    "Jane", "John", "Sarah", "David", "Emma", "James", "Laura", "Peter", "Olivia", "Mark"
  };
  private static final String[] LAST_EN = {
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "O'Neill", "Evans", "Walker"
  };
  private static final ZoneOffset[] OFFSETS = {
    ZoneOffset.ofHours(1),
    ZoneOffset.ofHours(2),
    ZoneOffset.UTC,
    ZoneOffset.ofHours(-5),
    ZoneOffset.ofHours(-4),
    ZoneOffset.ofHoursMinutes(5, 30),
    ZoneOffset.ofHours(10)
  };
  private static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

  private final long seed;
  private final Kind kind;
  private final Language fr;
  private final Language en;
  private double teaserShare;
  private java.util.function.IntFunction<String> articleSite;

  public BenchCorpus(long seed, Kind kind) {
    this.seed = seed;
    this.kind = kind;
    this.fr = new Language("fr", "bench/words-fr.txt", seed * 31 + 1);
    this.en = new Language("en", "bench/words-en.txt", seed * 31 + 2);
  }

  /** The corpus named by {@code BENCH_CORPUS} ({@code light} or realistic by default). */
  public static BenchCorpus fromEnvironment() {
    String k = System.getenv().getOrDefault("BENCH_CORPUS", "realistic");
    long seed = Long.parseLong(System.getenv().getOrDefault("BENCH_SEED", "42"));
    return new BenchCorpus(seed, k.equalsIgnoreCase("light") ? Kind.LIGHT : Kind.REALISTIC);
  }

  public Kind kind() {
    return kind;
  }

  /**
   * Makes about {@code share} of the realistic items teasers: the feed carries their first words
   * and "[…]", and their link is {@code site.apply(feed)} + {@code /article/FEED/ITEM.html}, where
   * {@link #articlePage} is the whole article in a WordPress theme's page.
   */
  public BenchCorpus withTeasers(double share, java.util.function.IntFunction<String> site) {
    this.teaserShare = share;
    this.articleSite = site;
    return this;
  }

  /** Whether item {@code i} of feed {@code n} is a teaser in the feed. */
  public boolean teaser(int n, int i) {
    return kind == Kind.REALISTIC
        && teaserShare > 0
        && Math.floorMod(mix(n * 31 + i, 5), 1000) < teaserShare * 1000;
  }

  /**
   * The article page of item {@code i} of feed {@code n}: a WordPress theme's chrome (menu, share
   * bar, related posts, comments, footer) around the item's whole text.
   */
  public String articlePage(int n, int i) {
    Item it = items(n).get(i);
    boolean french = it.lang().equals("fr");
    StringBuilder sb = new StringBuilder(it.html().length() + 4_000);
    sb.append("<!DOCTYPE html>\n<html lang=\"")
        .append(it.lang())
        .append("\">\n<head><meta charset=\"utf-8\"><title>")
        .append(xml(it.title()))
        .append(" &#8211; ")
        .append(french ? "Actualités du territoire " : "News from the region ")
        .append(n)
        .append(
            "</title>\n<link rel=\"stylesheet\" href=\"/wp-content/themes/twentytwentyfive/style.css\">")
        .append("</head>\n<body class=\"post-template-default single single-post\">\n")
        .append("<header class=\"wp-block-template-part\"><nav aria-label=\"Menu\"><ul>")
        .append(
            french
                ? "<li><a href=\"/\">Accueil</a></li><li><a href=\"/actualites/\">Actualités</a></li>"
                    + "<li><a href=\"/agenda/\">Agenda</a></li><li><a href=\"/contact/\">Contact</a></li>"
                : "<li><a href=\"/\">Home</a></li><li><a href=\"/news/\">News</a></li>"
                    + "<li><a href=\"/events/\">Events</a></li><li><a href=\"/contact/\">Contact</a></li>")
        .append("</ul></nav></header>\n<div id=\"cookie-banner\" class=\"cookie-notice\"><p>")
        .append(
            french
                ? "Ce site utilise des cookies pour mesurer l&#8217;audience. <button>Accepter</button> <button>Refuser</button>"
                : "This site uses cookies to measure its audience. <button>Accept</button> <button>Decline</button>")
        .append(
            "</p></div>\n<main class=\"wp-block-group\"><article class=\"post type-post\">\n<h1 class=\"entry-title\">")
        .append(xml(it.title()))
        .append("</h1>\n<div class=\"entry-meta\"><span class=\"byline\">")
        .append(xml(it.author()))
        .append("</span> <time datetime=\"")
        .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(it.published()))
        .append("\"></time></div>\n<div class=\"entry-content\">\n")
        .append(it.html())
        .append("\n</div>\n<div class=\"sharedaddy sd-sharing-enabled\"><h3>")
        .append(french ? "Partager&nbsp;:" : "Share this:")
        .append("</h3><ul><li><a href=\"#\">Facebook</a></li><li><a href=\"#\">X</a></li>")
        .append("<li><a href=\"#\">LinkedIn</a></li><li><a href=\"#\">E-mail</a></li></ul></div>\n")
        .append("</article>\n<section class=\"related-posts\"><h2>")
        .append(french ? "Articles similaires" : "Related posts")
        .append("</h2><ul>");
    List<Item> others = items(n);
    for (int k = 1; k <= 3; k++) {
      Item o = others.get((i + k) % others.size());
      sb.append("<li><a href=\"")
          .append(o.url())
          .append("\">")
          .append(xml(o.title()))
          .append("</a></li>");
    }
    sb.append("</ul></section>\n<section id=\"comments\"><h2>")
        .append(french ? "2 réflexions au sujet de «&nbsp;" : "2 thoughts on “")
        .append(xml(it.title()))
        .append(french ? "&nbsp;»" : "”")
        .append("</h2><ol class=\"comment-list\"><li>")
        .append(french ? "Très bonne initiative, enfin&nbsp;!" : "Great initiative, at last!")
        .append("</li><li>")
        .append(french ? "Et le financement, on en parle&nbsp;?" : "And who pays for it?")
        .append("</li></ol></section>\n</main>\n<footer><p>")
        .append(
            french
                ? "Fièrement propulsé par WordPress | Mentions légales"
                : "Proudly powered by WordPress | Legal notice")
        .append("</p></footer>\n</body>\n</html>\n");
    return sb.toString();
  }

  /** What a teaser feed gives of an item: its first sentence or so, then "[…]". */
  private static String teaserOf(Item it) {
    String[] words = it.text().split("\\s+");
    StringBuilder sb = new StringBuilder("<p>");
    for (int w = 0; w < Math.min(22, words.length); w++) {
      sb.append(w == 0 ? "" : " ").append(xml(words[w]));
    }
    return sb.append(" [&hellip;]</p>").toString();
  }

  private Random random(int feed) {
    return new Random(seed * 1_000_003L + feed);
  }

  /** Whether feed {@code n} is French (about 40 % of the feeds). */
  public boolean french(int n) {
    return kind == Kind.LIGHT || Math.floorMod(mix(n, 1), 5) < 2;
  }

  /** Whether feed {@code n} is Atom (about 20 % of the feeds). */
  public boolean atom(int n) {
    return kind == Kind.REALISTIC && Math.floorMod(mix(n, 2), 5) == 0;
  }

  private long mix(int n, int salt) {
    long x = (seed + n) * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
    x ^= x >>> 31;
    x *= 0x94D049BB133111EBL;
    return x ^ (x >>> 29);
  }

  /** The items of feed {@code n}, newest first. */
  public List<Item> items(int n) {
    Random r = random(n);
    Language l = french(n) ? fr : en;
    Instant base = Instant.parse("2026-11-01T00:00:00Z");
    List<Item> items = new ArrayList<>(ITEMS);
    for (int i = 0; i < ITEMS; i++) {
      Instant at = base.plusSeconds(n * 100L + (ITEMS - i) * 3_600L);
      if (kind == Kind.LIGHT) {
        items.add(lightItem(n, i, r, at));
        continue;
      }
      String title = l.sentence(r, 5 + r.nextInt(8), false);
      StringBuilder html = new StringBuilder();
      StringBuilder text = new StringBuilder();
      int words = 60 + r.nextInt(241);
      l.html(r, words, html, text, "https://site-" + n + ".example/");
      List<String> cats = new ArrayList<>();
      for (int c = 1 + r.nextInt(4); cats.size() < c; ) {
        String w = l.word(r, 40, 400);
        if (!cats.contains(w)) {
          cats.add(w);
        }
      }
      String author =
          l == fr
              ? FIRST_FR[r.nextInt(FIRST_FR.length)] + " " + LAST_FR[r.nextInt(LAST_FR.length)]
              : FIRST_EN[r.nextInt(FIRST_EN.length)] + " " + LAST_EN[r.nextInt(LAST_EN.length)];
      ZoneOffset zone = OFFSETS[Math.floorMod(mix(n, 3), OFFSETS.length)];
      items.add(
          new Item(
              "https://site-" + n + ".example/?p=" + (1000 + i),
              teaser(n, i)
                  ? articleSite.apply(n) + "/article/" + n + "/" + i + ".html"
                  : "https://site-" + n + ".example/" + l.slug(title) + "-" + i + "/",
              title,
              html.toString(),
              text.toString().strip(),
              author,
              cats,
              at.atZone(zone),
              l.code));
    }
    return items;
  }

  private Item lightItem(int n, int i, Random r, Instant at) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < 60; w++) {
      text.append(LIGHT_WORDS[r.nextInt(LIGHT_WORDS.length)]).append(' ');
    }
    String title =
        "Article "
            + n
            + "-"
            + i
            + " : "
            + LIGHT_WORDS[r.nextInt(LIGHT_WORDS.length)]
            + " "
            + LIGHT_WORDS[r.nextInt(LIGHT_WORDS.length)];
    String t = text.toString();
    return new Item(
        "bench-" + n + "-" + i,
        "https://bench.example/" + n + "/" + i,
        title,
        t,
        t.strip(),
        null,
        List.of(),
        at.atZone(ZoneOffset.UTC),
        "fr");
  }

  /** The XML body of feed {@code n}: RSS 2.0 or Atom, as {@link #atom} says. */
  public String feed(int n) {
    List<Item> items = items(n);
    StringBuilder sb = new StringBuilder(ITEMS * 2_400);
    if (kind == Kind.LIGHT) {
      return lightFeed(n, items, sb);
    }
    boolean french = french(n);
    String site = "https://site-" + n + ".example/";
    String name = (french ? "Actualités du territoire " : "News from the region ") + n;
    if (atom(n)) {
      sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
          .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
          .append(french ? "fr" : "en")
          .append("\">\n  <title>")
          .append(xml(name))
          .append("</title>\n  <link href=\"")
          .append(site)
          .append("\"/>\n  <link rel=\"self\" href=\"")
          .append(site)
          .append("feed.atom\"/>\n  <id>")
          .append(site)
          .append("</id>\n  <updated>")
          .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(items.get(0).published()))
          .append("</updated>\n");
      for (int i = 0; i < items.size(); i++) {
        Item it = items.get(i);
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(it.published());
        sb.append("  <entry>\n    <title>")
            .append(xml(it.title()))
            .append("</title>\n    <link rel=\"alternate\" href=\"")
            .append(it.url())
            .append("\"/>\n    <id>")
            .append(it.guid())
            .append("</id>\n    <published>")
            .append(date)
            .append("</published>\n    <updated>")
            .append(date)
            .append("</updated>\n    <author><name>")
            .append(xml(it.author()))
            .append("</name></author>\n");
        for (String c : it.categories()) {
          sb.append("    <category term=\"").append(xml(c)).append("\"/>\n");
        }
        if (teaser(n, i)) {
          sb.append("    <summary type=\"html\">")
              .append(xml(teaserOf(it)))
              .append("</summary>\n  </entry>\n");
        } else {
          sb.append("    <content type=\"html\">")
              .append(xml(it.html()))
              .append("</content>\n  </entry>\n");
        }
      }
      return sb.append("</feed>\n").toString();
    }
    // RSS 2.0: WordPress-like (description in CDATA, dc:creator) or Drupal/SPIP-like
    // (entity-escaped description, author in <author>), by feed.
    boolean cdata = Math.floorMod(mix(n, 4), 2) == 0;
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"")
        .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
        .append(" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n  <title>")
        .append(xml(name))
        .append("</title>\n  <link>")
        .append(site)
        .append("</link>\n  <atom:link href=\"")
        .append(site)
        .append("feed/\" rel=\"self\" type=\"application/rss+xml\"/>\n  <description>")
        .append(french ? "Toute l&#8217;actualit&eacute; du territoire" : "Latest news")
        .append("</description>\n  <language>")
        .append(french ? "fr-FR" : "en-GB")
        .append("</language>\n  <lastBuildDate>")
        .append(RFC_822.format(items.get(0).published()))
        .append("</lastBuildDate>\n");
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      String description = teaser(n, i) ? teaserOf(it) : it.html();
      sb.append("  <item>\n    <title>")
          .append(xml(it.title()))
          .append("</title>\n    <link>")
          .append(it.url())
          .append("</link>\n    <guid isPermaLink=\"false\">")
          .append(it.guid())
          .append("</guid>\n    <pubDate>")
          .append(RFC_822.format(it.published()))
          .append("</pubDate>\n");
      if (cdata) {
        sb.append("    <dc:creator><![CDATA[").append(it.author()).append("]]></dc:creator>\n");
      } else {
        sb.append("    <author>redaction@site-")
            .append(n)
            .append(".example (")
            .append(xml(it.author()))
            .append(")</author>\n");
      }
      for (String c : it.categories()) {
        sb.append(cdata ? "    <category><![CDATA[" + c + "]]></category>\n" : "    <category>")
            .append(cdata ? "" : xml(c) + "</category>\n");
      }
      if (cdata) {
        sb.append("    <description><![CDATA[").append(description).append("]]></description>\n");
      } else {
        sb.append("    <description>").append(xml(description)).append("</description>\n");
      }
      sb.append("  </item>\n");
    }
    return sb.append("</channel>\n</rss>\n").toString();
  }

  private static String lightFeed(int n, List<Item> items, StringBuilder sb) {
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
        .append("<title>Bench feed ")
        .append(n)
        .append("</title><link>https://bench.example/")
        .append(n)
        .append("</link><description>Synthetic</description><language>fr</language>");
    for (Item it : items) {
      sb.append("<item><title>")
          .append(it.title())
          .append("</title><link>")
          .append(it.url())
          .append("</link><guid>")
          .append(it.guid())
          .append("</guid><pubDate>")
          .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(it.published()))
          .append("</pubDate><description>")
          .append(it.html())
          .append("</description></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  /** Escapes text for XML character data and attribute values. */
  static String xml(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A text drawn with Zipf's law over a language's words (used by the search benchmark). */
  public String text(Random r, boolean french, int words) {
    return (french ? fr : en).sentence(r, words, true);
  }

  /** A word of the language drawn with Zipf's law, skipping the {@code skip} most frequent. */
  public String word(Random r, boolean french, int skip) {
    return (french ? fr : en).word(r, skip, Integer.MAX_VALUE);
  }

  /** The real words of a language, most frequent first. */
  public List<String> realWords(boolean french) {
    Language l = french ? fr : en;
    return Arrays.asList(l.words).subList(0, l.real);
  }

  /** The words of one language and their Zipf distribution. */
  private static final class Language {
    final String code;
    final String[] words;
    final int real;
    final double[] cumulative;

    Language(String code, String resource, long seed) {
      this.code = code;
      List<String> list = new ArrayList<>(read(resource));
      this.real = list.size();
      Set<String> seen = new HashSet<>(list);
      String[] syllables =
          (code.equals("fr")
                  ? "ba be bi bo ca ce ci co da de di do fa fe fi ga ge gi la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi tion ment eur ique ance ville val mont"
                  : "ba be bi bo ca ce ci co da de di do fa fe fi ga ge gi la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to ton ing er ley field ford shire")
              .split(" ");
      Random r = new Random(seed);
      while (list.size() < real + TAIL) {
        StringBuilder w = new StringBuilder();
        for (int i = 2 + r.nextInt(3); i > 0; i--) {
          w.append(syllables[r.nextInt(syllables.length)]);
        }
        if (seen.add(w.toString())) {
          list.add(w.toString());
        }
      }
      this.words = list.toArray(String[]::new);
      this.cumulative = new double[words.length];
      double sum = 0;
      for (int k = 0; k < words.length; k++) {
        sum += 1.0 / (k + 1);
        cumulative[k] = sum;
      }
      for (int k = 0; k < words.length; k++) {
        cumulative[k] /= sum;
      }
    }

    private static List<String> read(String resource) {
      try (InputStream in = BenchCorpus.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing word list " + resource);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A word by Zipf's law among the ranks [skip, limit). */
    String word(Random r, int skip, int limit) {
      int hi = Math.min(limit, words.length) - 1;
      double lo = skip == 0 ? 0 : cumulative[skip - 1];
      double u = lo + r.nextDouble() * (cumulative[hi] - lo);
      int i = Arrays.binarySearch(cumulative, u);
      return words[Math.min(hi, i < 0 ? -i - 1 : i)];
    }

    String sentence(Random r, int n, boolean period) {
      StringBuilder sb = new StringBuilder(n * 8);
      boolean capital = true;
      for (int w = 0; w < n; w++) {
        String s = word(r, 0, Integer.MAX_VALUE);
        if (capital) {
          s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        sb.append(s);
        capital = false;
        if (w < n - 1) {
          capital = period && r.nextInt(14) == 0;
          sb.append(capital ? ". " : " ");
        }
      }
      return period ? sb.append('.').toString() : sb.toString();
    }

    /**
     * Appends paragraphs of about {@code n} words as HTML to {@code html} and as plain text to
     * {@code text}: inline emphasis, links, named and numeric entities.
     */
    void html(Random r, int n, StringBuilder html, StringBuilder text, String site) {
      boolean french = code.equals("fr");
      int left = n;
      while (left > 0) {
        int p = Math.min(left, 20 + r.nextInt(60));
        left -= p;
        html.append("<p>");
        boolean capital = true;
        for (int w = 0; w < p; w++) {
          String s = word(r, 0, Integer.MAX_VALUE);
          if (capital) {
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
          }
          int roll = r.nextInt(40);
          String shown = entities(s, french);
          if (roll == 0) {
            html.append("<strong>").append(shown).append("</strong>");
          } else if (roll == 1) {
            html.append("<em>").append(shown).append("</em>");
          } else if (roll == 2) {
            html.append("<a href=\"").append(site).append(slug(s)).append("/\">");
            html.append(shown).append("</a>");
          } else if (roll == 3 && french) {
            html.append("l&rsquo;").append(shown);
            text.append("l’");
          } else if (roll == 3) {
            html.append(shown).append("&#8217;s");
            s = s + "’s";
          } else if (roll == 4) {
            html.append(shown).append(" &amp;");
            s = s + " &";
          } else {
            html.append(shown);
          }
          text.append(s);
          if (w < p - 1) {
            boolean stop = r.nextInt(14) == 0;
            capital = stop;
            html.append(stop ? ". " : (french && r.nextInt(30) == 0 ? "&nbsp;: " : " "));
            text.append(stop ? ". " : " ");
          }
        }
        html.append(".</p>");
        text.append(". ");
      }
      if (r.nextInt(3) == 0) {
        html.append("<p>L&#8217;article <a href=\"")
            .append(site)
            .append("\" rel=\"nofollow\">")
            .append(french ? "Lire la suite&nbsp;&raquo;" : "Read more &hellip;")
            .append("</a> est apparu en premier.</p>");
      }
    }

    /** Accented letters written as entities now and then, as some CMSs do. */
    private static String entities(String s, boolean french) {
      if (!french || s.indexOf('é') < 0 || (s.hashCode() & 3) != 0) {
        return s;
      }
      return s.replace("é", "&eacute;");
    }

    String slug(String title) {
      StringBuilder sb = new StringBuilder();
      for (char c :
          java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
              .toLowerCase(Locale.ROOT)
              .toCharArray()) {
        if (c < 128 && Character.isLetterOrDigit(c)) {
          sb.append(c);
        } else if ((c == ' ' || c == '\'' || c == '-') && sb.length() > 0) {
          if (sb.charAt(sb.length() - 1) != '-') {
            sb.append('-');
          }
        }
        if (sb.length() > 60) {
          break;
        }
      }
      return sb.toString();
    }
  }
}
