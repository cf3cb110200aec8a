package org.veille.editorial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.veille.config.Topic;
import org.veille.digest.Digest;
import org.veille.digest.DigestBuilder;

/**
 * Applies a draft to the ranked digest of its week, giving the letter exactly as it will be sent:
 * hidden items out, added items in, titles and summaries overridden, pinned items first in the
 * headlines ("À la une") or at the top of their section, moved items in their new section.
 *
 * <p>The headlines are the pinned ones, then the ranked headlines up to {@value
 * DigestBuilder#HEADLINES} in all; a ranked headline pushed out goes to the top of its section.
 */
public final class Curation {
  private final List<Topic> topics;

  /** {@code topics}: the audience's topics, in feeds.yaml order (they name the sections). */
  public Curation(List<Topic> topics) {
    this.topics = List.copyOf(topics);
  }

  /**
   * The curated letter. {@code lookup} gives an added item as a digest shows it (empty when it is
   * no longer stored: it is then left out).
   */
  public Letter apply(Digest ranked, Draft draft, Function<String, Optional<Digest.Item>> lookup) {
    Map<String, Digest.Item> pool = new LinkedHashMap<>();
    ranked.shown().forEach(i -> pool.put(i.id(), i));
    Set<String> rankedHeadlines = new LinkedHashSet<>();
    ranked.headlines().forEach(i -> rankedHeadlines.add(i.id()));
    for (String id : draft.added()) {
      if (!pool.containsKey(id)) {
        lookup.apply(id).ifPresent(i -> pool.put(id, i));
      }
    }
    Set<String> hidden = draft.hidden();
    Set<String> overridden = new LinkedHashSet<>();
    Map<String, Digest.Item> shown = new LinkedHashMap<>();
    for (Digest.Item i : pool.values()) {
      if (hidden.contains(i.id())) {
        continue;
      }
      Optional<String> title = draft.title(i.id());
      Optional<String> summary = draft.summary(i.id());
      if (title.isPresent() || summary.isPresent()) {
        overridden.add(i.id());
      }
      shown.put(i.id(), i.edited(title.orElse(i.title()), summary.orElse(i.summary())));
    }
    Map<String, Draft.PinTo> pins = draft.pins();
    Map<String, String> moves = draft.moves();
    List<Digest.Item> headlines = new ArrayList<>();
    pins.forEach(
        (id, to) -> {
          if (to == Draft.PinTo.HEADLINES && shown.containsKey(id)) {
            headlines.add(shown.get(id));
          }
        });
    int room = Math.max(DigestBuilder.HEADLINES, headlines.size());
    for (String id : rankedHeadlines) {
      Digest.Item i = shown.get(id);
      if (i != null && headlines.size() < room && !pins.containsKey(id) && !moves.containsKey(id)) {
        headlines.add(i);
      }
    }
    Set<String> inHeadlines = new LinkedHashSet<>();
    headlines.forEach(i -> inHeadlines.add(i.id()));
    Map<String, List<Digest.Item>> bySection = new LinkedHashMap<>();
    bySection.put(DigestBuilder.CALLS, new ArrayList<>());
    topics.forEach(t -> bySection.put(t.id(), new ArrayList<>()));
    List<Digest.Item> others = new ArrayList<>();
    List<Digest.Item> rest = new ArrayList<>();
    pins.forEach(
        (id, to) -> {
          if (to == Draft.PinTo.SECTION && shown.containsKey(id)) {
            rest.add(shown.get(id));
          }
        });
    for (Digest.Item i : shown.values()) {
      if (!inHeadlines.contains(i.id()) && !rest.contains(i)) {
        rest.add(i);
      }
    }
    for (Digest.Item i : rest) {
      String topic = section(i, moves.get(i.id()));
      (topic == null ? others : bySection.get(topic)).add(i);
    }
    List<Digest.Section> sections = new ArrayList<>();
    // the calls for projects keep their own section, first, in the order they close
    ranked.sections().stream()
        .filter(s -> DigestBuilder.CALLS.equals(s.topic()))
        .findFirst()
        .ifPresent(
            calls -> {
              List<Digest.Item> kept = bySection.get(DigestBuilder.CALLS);
              if (!kept.isEmpty()) {
                sections.add(new Digest.Section(calls.topic(), calls.name(), kept));
              }
            });
    for (Topic t : topics) {
      if (!bySection.get(t.id()).isEmpty()) {
        sections.add(new Digest.Section(t.id(), t.name(), bySection.get(t.id())));
      }
    }
    Digest letter =
        new Digest(
            ranked.period(),
            ranked.title(),
            ranked.items(),
            ranked.sources(),
            headlines,
            sections,
            new Digest.Section(null, ranked.others().name(), others),
            Edito.render(draft.edito().orElse(null)));
    Set<String> pinned = new LinkedHashSet<>();
    pins.keySet().stream().filter(shown::containsKey).forEach(pinned::add);
    List<String> hiddenShown = hidden.stream().toList();
    return new Letter(letter, pinned, hiddenShown, overridden);
  }

  /** The section of an item: where it was moved, else its first topic of the audience's. */
  private String section(Digest.Item i, String moved) {
    if (moved != null) {
      return moved.equals(Draft.NO_TOPIC) || !isTopic(moved) ? null : moved;
    }
    if (i.call().isCall()) {
      return DigestBuilder.CALLS;
    }
    return i.topics().stream().filter(this::isTopic).findFirst().orElse(null);
  }

  private boolean isTopic(String id) {
    return topics.stream().anyMatch(t -> t.id().equals(id));
  }

  /**
   * A curated letter: the digest as it will be sent, which of its items are pinned, the ids the
   * editor hid, and the items whose title or summary the editor changed.
   */
  public record Letter(
      Digest digest, Set<String> pinned, List<String> hidden, Set<String> overridden) {
    public Letter {
      pinned = Set.copyOf(pinned);
      hidden = List.copyOf(hidden);
      overridden = Set.copyOf(overridden);
    }
  }
}
