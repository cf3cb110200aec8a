package org.veille.digest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.veille.config.Config;
import org.veille.config.SourceConfig;
import org.veille.config.Topic;
import org.veille.store.ItemStore;
import org.veille.store.StoredItem;

/**
 * Selects, ranks and groups the items of a period.
 *
 * <p>Rank, as an editor would weigh it: topics matched (up to three), how many sources carried the
 * article, the source's {@code weight}, and recency within the period. An item under several topics
 * appears once, under its first topic in feeds.yaml order; the top three are the headlines. Items
 * without a title or a link are left out; items without a topic fill a last section only while
 * there is room under {@code max_items}.
 */
public final class DigestBuilder {
  public static final int HEADLINES = 3;
  static final int SUMMARY_CHARS = 300;

  /** A date more than this before the item was first seen is not believed. */
  static final Duration MAX_AGE = Duration.ofDays(2 * 365);

  /** The id of the section of calls for projects, before the topics' sections. */
  public static final String CALLS = "appels";

  /** A call of an earlier week closing within this many days of the week's end is recalled. */
  static final int REMINDER_DAYS = 14;

  private final Config config;
  private final ItemStore items;

  public DigestBuilder(Config config, ItemStore items) {
    this.config = config;
    this.items = items;
  }

  public Digest build(Period period) {
    return build(period, i -> true);
  }

  /**
   * The digest of {@code period} from the items {@code keep} accepts (an audience's filters); the
   * counts of the digest are those of the items kept.
   */
  public Digest build(Period period, java.util.function.Predicate<StoredItem> keep) {
    List<StoredItem> candidates =
        items.ofPeriod(period.from(), period.to(), MAX_AGE).stream().filter(keep).toList();
    Set<String> sourcesSeen = new HashSet<>();
    List<Digest.Item> ranked = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (SourceConfig s : config.sources()) {
      names.put(s.id(), s.displayName().orElse(s.id()));
      weights.put(s.id(), s.weight());
    }
    long span = Math.max(1, period.to().toEpochMilli() - period.from().toEpochMilli());
    Map<String, Double> bestOfCluster = new HashMap<>();
    Map<String, String> shownOfCluster = new HashMap<>();
    for (StoredItem i : candidates) {
      sourcesSeen.addAll(i.sources());
      if (i.title().isBlank() || i.url() == null) {
        continue;
      }
      double recency =
          Math.max(
              0,
              Math.min(
                  1,
                  (i.published().toEpochMilli() - period.from().toEpochMilli()) / (double) span));
      double weight =
          i.sources().stream().mapToDouble(s -> weights.getOrDefault(s, 1.0)).max().orElse(1.0);
      // A story carried by several sources counts each once, under one URL or several.
      int carriers = i.cluster() == null ? i.sources().size() : i.clusterSources().size();
      double score =
          2.0 * Math.min(3, i.topics().size())
              + 1.5 * (carriers - 1)
              + 2.0 * (weight - 1)
              + recency;
      if (i.cluster() != null) {
        // One entry per cluster: its best-ranked item, the first seen on a tie.
        Double best = bestOfCluster.get(i.cluster());
        if (best != null && best >= score) {
          continue;
        }
        if (best != null) {
          String previous = shownOfCluster.get(i.cluster());
          ranked.removeIf(x -> x.id().equals(previous));
        }
        bestOfCluster.put(i.cluster(), score);
        shownOfCluster.put(i.cluster(), i.id());
      }
      ranked.add(shown(i, names.getOrDefault(i.source(), i.source()), score, names));
    }
    ranked.sort(
        Comparator.comparingDouble(Digest.Item::score)
            .reversed()
            .thenComparing(Digest.Item::published, Comparator.reverseOrder())
            .thenComparing(Digest.Item::id));
    // a call of an earlier week that closes soon comes back as a reminder
    java.time.LocalDate lastDay =
        java.time.LocalDate.ofInstant(period.to().minusMillis(1), config.settings().timezone());
    Set<String> inWeek = new HashSet<>();
    ranked.forEach(r -> inWeek.add(r.id()));
    List<Digest.Item> reminders = new ArrayList<>();
    for (StoredItem i : items.calls()) {
      Optional<java.time.LocalDate> closes = i.call().nextDeadline();
      if (!inWeek.contains(i.id())
          && i.url() != null
          && keep.test(i)
          && closes.isPresent()
          && closes.get().isAfter(lastDay)
          && !closes.get().isAfter(lastDay.plusDays(REMINDER_DAYS))
          && i.published().isBefore(period.from())) {
        reminders.add(shown(i, names.getOrDefault(i.source(), i.source()), 0, names));
      }
    }
    return group(period, candidates.size(), sourcesSeen.size(), ranked, reminders);
  }

  /** Topic ids in feeds.yaml order (topics no longer configured are dropped). */
  private List<String> ordered(List<String> topics) {
    List<String> out = new ArrayList<>();
    for (Topic t : config.topics()) {
      if (topics.contains(t.id())) {
        out.add(t.id());
      }
    }
    return out;
  }

  private Digest group(
      Period period,
      int items,
      int sources,
      List<Digest.Item> ranked,
      List<Digest.Item> reminders) {
    var nl = config.settings().newsletter();
    int max = nl.maxItems();
    // calls for projects have a section of their own, first, by the date they close (rolling
    // calls last), with the reminders of earlier weeks' calls that close soon
    List<Digest.Item> calls = new ArrayList<>(reminders);
    ranked.stream().filter(r -> r.call().isCall()).forEach(calls::add);
    calls.sort(
        Comparator.comparing((Digest.Item c) -> c.closes().orElse(java.time.LocalDate.MAX))
            .thenComparing(Digest.Item::id));
    if (calls.size() > max) {
      calls = new ArrayList<>(calls.subList(0, max));
    }
    ranked = ranked.stream().filter(r -> !r.call().isCall()).toList();
    int perTopic = nl.maxPerTopic() <= 0 ? Integer.MAX_VALUE : nl.maxPerTopic();
    List<Digest.Item> headlines = new ArrayList<>();
    Map<String, List<Digest.Item>> byTopic = new LinkedHashMap<>();
    config.topics().forEach(t -> byTopic.put(t.id(), new ArrayList<>()));
    List<Digest.Item> untagged = new ArrayList<>();
    int shown = calls.size();
    for (Digest.Item item : ranked) {
      if (shown >= max) {
        break;
      }
      if (headlines.size() < HEADLINES) {
        headlines.add(item);
        shown++;
        continue;
      }
      if (item.topics().isEmpty()) {
        untagged.add(item); // placed last, if room remains
        continue;
      }
      List<Digest.Item> section = byTopic.get(item.topics().get(0));
      if (section.size() < perTopic) {
        section.add(item);
        shown++;
      }
    }
    List<Digest.Item> others = new ArrayList<>();
    for (Digest.Item item : untagged) {
      if (shown >= max) {
        break;
      }
      others.add(item);
      shown++;
    }
    List<Digest.Section> sections = new ArrayList<>();
    Labels labels = Labels.of(nl.locale());
    if (!calls.isEmpty()) {
      sections.add(new Digest.Section(CALLS, labels.calls(), calls));
    }
    for (Topic t : config.topics()) {
      List<Digest.Item> section = byTopic.get(t.id());
      if (!section.isEmpty()) {
        sections.add(new Digest.Section(t.id(), t.name(), section));
      }
    }
    return new Digest(
        period,
        nl.title(),
        items,
        sources,
        headlines,
        sections,
        new Digest.Section(null, labels.others(), others));
  }

  /** A stored item as a digest shows it (for an item the editor adds to a letter). */
  public Digest.Item item(StoredItem i) {
    String name = config.source(i.source()).flatMap(SourceConfig::displayName).orElse(i.source());
    Map<String, String> names = new HashMap<>();
    for (SourceConfig s : config.sources()) {
      names.put(s.id(), s.displayName().orElse(s.id()));
    }
    return shown(i, name, 0, names);
  }

  private Digest.Item shown(
      StoredItem i, String sourceName, double score, Map<String, String> names) {
    List<String> others = new ArrayList<>();
    for (String s : i.sources().subList(1, i.sources().size())) {
      others.add(names.getOrDefault(s, s));
    }
    for (String s : i.alsoIn()) {
      others.add(names.getOrDefault(s, s));
    }
    return new Digest.Item(
        i.id(),
        i.title(),
        i.url(),
        i.source(),
        sourceName,
        i.sources(),
        i.published(),
        shorten(summary(i)),
        ordered(i.topics()),
        score,
        i.places().communes().stream().map(p -> p.name()).toList(),
        i.cluster() == null ? List.of() : others,
        i.call());
  }

  /**
   * The feed's summary; when the feed gave none (nothing, or a bare "Lire la suite"), the lead of
   * the article fetched for it.
   */
  static String summary(StoredItem i) {
    String s = i.summary().strip();
    boolean none = s.isEmpty() || (i.fromArticle() && s.split("\\s+").length < 5);
    return none && i.fromArticle() && !i.content().isBlank() ? i.content() : s;
  }

  /** About {@value #SUMMARY_CHARS} characters, cut at a word boundary. */
  public static String shorten(String text) {
    String t = text.strip();
    if (t.length() <= SUMMARY_CHARS) {
      return t;
    }
    int cut = t.lastIndexOf(' ', SUMMARY_CHARS);
    return t.substring(0, cut > SUMMARY_CHARS / 2 ? cut : SUMMARY_CHARS)
            .replaceAll("[\\s,;:.]+$", "")
        + "…";
  }
}
