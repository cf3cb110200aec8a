package org.veille.digest;

import java.time.Instant;
import java.util.List;

/**
 * A digest, ready to render: the period, its title, how many items and sources the period held, the
 * headlines, the topic sections in feeds.yaml order, and the section of items without a topic
 * (possibly empty). Headlines are not repeated in sections.
 */
public record Digest(
    Period period,
    String title,
    int items,
    int sources,
    List<Item> headlines,
    List<Section> sections,
    Section others) {

  public Digest {
    headlines = List.copyOf(headlines);
    sections = List.copyOf(sections);
  }

  public boolean empty() {
    return headlines.isEmpty() && sections.isEmpty() && others.items().isEmpty();
  }

  /** Every item shown, in reading order. */
  public List<Item> shown() {
    List<Item> all = new java.util.ArrayList<>(headlines);
    sections.forEach(s -> all.addAll(s.items()));
    all.addAll(others.items());
    return all;
  }

  /** An item as a digest shows it: plain-text title and summary, an absolute http(s) link. */
  public record Item(
      String id,
      String title,
      String url,
      String source,
      String sourceName,
      List<String> sources,
      Instant published,
      String summary,
      List<String> topics,
      double score) {

    public Item {
      sources = List.copyOf(sources);
      topics = List.copyOf(topics);
    }
  }

  /** A topic's section ({@code topic} null for items without a topic). */
  public record Section(String topic, String name, List<Item> items) {
    public Section {
      items = List.copyOf(items);
    }
  }
}
