package org.veille.digest;

import java.time.Instant;
import java.util.List;
import org.veille.calls.Call;

/**
 * A digest, ready to render: the period, its title, how many items and sources the period held, the
 * headlines, the topic sections in feeds.yaml order, and the section of items without a topic
 * (possibly empty), and the editor's introduction (null when none). Headlines are not repeated in
 * sections.
 */
public record Digest(
    Period period,
    String title,
    int items,
    int sources,
    List<Item> headlines,
    List<Section> sections,
    Section others,
    Intro intro) {

  public Digest {
    headlines = List.copyOf(headlines);
    sections = List.copyOf(sections);
  }

  /** A digest without an introduction. */
  public Digest(
      Period period,
      String title,
      int items,
      int sources,
      List<Item> headlines,
      List<Section> sections,
      Section others) {
    this(period, title, items, sources, headlines, sections, others, null);
  }

  /**
   * The editor's introduction (the édito), already rendered safely for each format: {@code html} is
   * trusted HTML, {@code text} plain text wrapped at 72 columns, {@code markdown} Markdown.
   */
  public record Intro(String html, String text, String markdown) {}

  public java.util.Optional<Intro> introduction() {
    return java.util.Optional.ofNullable(intro);
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

  /**
   * An item as a digest shows it: plain-text title and summary, an absolute http(s) link, and the
   * names of the communes it is about.
   */
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
      double score,
      List<String> communes,
      List<String> alsoIn,
      Call call) {

    public Item {
      call = call == null ? Call.NONE : call;
      alsoIn = alsoIn == null ? List.of() : List.copyOf(alsoIn);
      sources = List.copyOf(sources);
      topics = List.copyOf(topics);
      communes = List.copyOf(communes);
    }

    /** The same item under the editor's title and summary (the stored item is untouched). */
    public Item edited(String newTitle, String newSummary) {
      return new Item(
          id,
          newTitle,
          url,
          source,
          sourceName,
          sources,
          published,
          newSummary,
          topics,
          score,
          communes,
          alsoIn,
          call);
    }

    /** The date an applicant must meet, for a call for projects (empty otherwise, or rolling). */
    public java.util.Optional<java.time.LocalDate> closes() {
      return java.util.Optional.ofNullable(
          call.deadline() != null ? call.deadline() : call.finalDeadline());
    }

    /** An item no other source carried. */
    public Item(
        String id,
        String title,
        String url,
        String source,
        String sourceName,
        List<String> sources,
        Instant published,
        String summary,
        List<String> topics,
        double score,
        List<String> communes) {
      this(
          id,
          title,
          url,
          source,
          sourceName,
          sources,
          published,
          summary,
          topics,
          score,
          communes,
          List.of(),
          Call.NONE);
    }
  }

  /** A topic's section ({@code topic} null for items without a topic). */
  public record Section(String topic, String name, List<Item> items) {
    public Section {
      items = List.copyOf(items);
    }
  }
}
