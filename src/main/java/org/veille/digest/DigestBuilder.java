package org.veille.digest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  static final int HEADLINES = 3;
  static final int SUMMARY_CHARS = 300;

  /** A date more than this before the item was first seen is not believed. */
  static final Duration MAX_AGE = Duration.ofDays(2 * 365);

  private final Config config;
  private final ItemStore items;

  public DigestBuilder(Config config, ItemStore items) {
    this.config = config;
    this.items = items;
  }

  public Digest build(Period period) {
    List<StoredItem> candidates = items.ofPeriod(period.from(), period.to(), MAX_AGE);
    Set<String> sourcesSeen = new HashSet<>();
    List<Digest.Item> ranked = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (SourceConfig s : config.sources()) {
      names.put(s.id(), s.displayName().orElse(s.id()));
      weights.put(s.id(), s.weight());
    }
    long span = Math.max(1, period.to().toEpochMilli() - period.from().toEpochMilli());
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
      double score =
          2.0 * Math.min(3, i.topics().size())
              + 1.5 * (i.sources().size() - 1)
              + 2.0 * (weight - 1)
              + recency;
      ranked.add(
          new Digest.Item(
              i.id(),
              i.title(),
              i.url(),
              i.source(),
              names.getOrDefault(i.source(), i.source()),
              i.sources(),
              i.published(),
              shorten(i.summary()),
              ordered(i.topics()),
              score));
    }
    ranked.sort(
        Comparator.comparingDouble(Digest.Item::score)
            .reversed()
            .thenComparing(Digest.Item::published, Comparator.reverseOrder())
            .thenComparing(Digest.Item::id));
    return group(period, candidates.size(), sourcesSeen.size(), ranked);
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

  private Digest group(Period period, int items, int sources, List<Digest.Item> ranked) {
    var nl = config.settings().newsletter();
    int max = nl.maxItems();
    int perTopic = nl.maxPerTopic() <= 0 ? Integer.MAX_VALUE : nl.maxPerTopic();
    List<Digest.Item> headlines = new ArrayList<>();
    Map<String, List<Digest.Item>> byTopic = new LinkedHashMap<>();
    config.topics().forEach(t -> byTopic.put(t.id(), new ArrayList<>()));
    List<Digest.Item> untagged = new ArrayList<>();
    int shown = 0;
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
    for (Topic t : config.topics()) {
      List<Digest.Item> section = byTopic.get(t.id());
      if (!section.isEmpty()) {
        sections.add(new Digest.Section(t.id(), t.name(), section));
      }
    }
    Labels labels = Labels.of(nl.locale());
    return new Digest(
        period,
        nl.title(),
        items,
        sources,
        headlines,
        sections,
        new Digest.Section(null, labels.others(), others));
  }

  /** About {@value #SUMMARY_CHARS} characters, cut at a word boundary. */
  static String shorten(String text) {
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
