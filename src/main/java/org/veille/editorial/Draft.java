package org.veille.editorial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.veille.store.DraftRecord;

/**
 * An audience's draft of a week: the editor's decisions on items, the édito and the approval.
 * Immutable: each edit returns a new draft. Decisions on one item combine (moved and retitled), but
 * a pin and a hide cancel each other, the last one taken wins.
 */
public final class Draft {
  /** The longest title override, in characters. */
  public static final int MAX_TITLE = 300;

  /** The longest summary override, in characters. */
  public static final int MAX_SUMMARY = 1_500;

  /** The section an item is moved to when it should go to the last one ("Autres actualités"). */
  public static final String NO_TOPIC = "none";

  /** What the editor can decide on an item. */
  public enum Kind {
    PIN,
    HIDE,
    MOVE,
    TITLE,
    SUMMARY,
    ADD;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Kind of(String label) {
      return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Where a pin puts an item: into the headlines ("À la une"), or at the top of its section. */
  public enum PinTo {
    HEADLINES,
    SECTION
  }

  private final DraftRecord record;

  public Draft(DraftRecord record) {
    this.record = record;
  }

  public static Draft empty(String audience, String week) {
    return new Draft(DraftRecord.empty(audience, week));
  }

  public DraftRecord record() {
    return record;
  }

  public String audience() {
    return record.audience();
  }

  public String week() {
    return record.week();
  }

  public Optional<String> edito() {
    return Optional.ofNullable(record.edito());
  }

  public Optional<Instant> approved() {
    return Optional.ofNullable(record.approvedAt());
  }

  public Optional<Instant> reopened() {
    return Optional.ofNullable(record.reopenedAt());
  }

  /** The stable number of an item in this draft, if it has been shown. */
  public Optional<Integer> number(String itemId) {
    return Optional.ofNullable(record.numbers().get(itemId));
  }

  /** The item with draft number {@code n}, if any. */
  public Optional<String> itemNumbered(int n) {
    return record.numbers().entrySet().stream()
        .filter(e -> e.getValue() == n)
        .map(Map.Entry::getKey)
        .findFirst();
  }

  // ---- reading the decisions -------------------------------------------------------------------

  private Optional<DraftRecord.Decision> decision(String itemId, Kind kind) {
    return record.decisions().stream()
        .filter(d -> d.itemId().equals(itemId) && d.kind().equals(kind.label()))
        .findFirst();
  }

  private List<DraftRecord.Decision> all(Kind kind) {
    return record.decisions().stream().filter(d -> d.kind().equals(kind.label())).toList();
  }

  /** Pinned items in the order they were pinned, with where each goes. */
  public Map<String, PinTo> pins() {
    Map<String, PinTo> out = new LinkedHashMap<>();
    all(Kind.PIN).forEach(d -> out.put(d.itemId(), PinTo.valueOf(d.value())));
    return out;
  }

  public Set<String> hidden() {
    Set<String> out = new LinkedHashSet<>();
    all(Kind.HIDE).forEach(d -> out.add(d.itemId()));
    return out;
  }

  /** Items added by the editor, in the order added. */
  public List<String> added() {
    return all(Kind.ADD).stream().map(DraftRecord.Decision::itemId).toList();
  }

  /** Moved items and their topic ({@link #NO_TOPIC} for the last section). */
  public Map<String, String> moves() {
    Map<String, String> out = new LinkedHashMap<>();
    all(Kind.MOVE).forEach(d -> out.put(d.itemId(), d.value()));
    return out;
  }

  public Optional<String> title(String itemId) {
    return decision(itemId, Kind.TITLE).map(DraftRecord.Decision::value);
  }

  public Optional<String> summary(String itemId) {
    return decision(itemId, Kind.SUMMARY).map(DraftRecord.Decision::value);
  }

  /** Ids of every item the editor decided something about. */
  public Set<String> touched() {
    Set<String> out = new LinkedHashSet<>();
    record.decisions().forEach(d -> out.add(d.itemId()));
    return out;
  }

  // ---- edits ----------------------------------------------------------------------------------

  public Draft pin(String itemId, PinTo to, Instant at) {
    return without(itemId, Kind.HIDE).with(itemId, Kind.PIN, to.name(), at);
  }

  public Draft hide(String itemId, Instant at) {
    return without(itemId, Kind.PIN).without(itemId, Kind.ADD).with(itemId, Kind.HIDE, null, at);
  }

  public Draft move(String itemId, String topic, Instant at) {
    return with(itemId, Kind.MOVE, topic, at);
  }

  public Draft add(String itemId, Instant at) {
    return without(itemId, Kind.HIDE).with(itemId, Kind.ADD, null, at);
  }

  /**
   * The title shown for the item in this letter (the stored item keeps the source's).
   *
   * @throws IllegalArgumentException when the text is empty or longer than {@link #MAX_TITLE}
   */
  public Draft title(String itemId, String text, Instant at) {
    return with(itemId, Kind.TITLE, override(text, MAX_TITLE, "title"), at);
  }

  /**
   * The summary shown for the item in this letter.
   *
   * @throws IllegalArgumentException when the text is empty or longer than {@link #MAX_SUMMARY}
   */
  public Draft summary(String itemId, String text, Instant at) {
    return with(itemId, Kind.SUMMARY, override(text, MAX_SUMMARY, "summary"), at);
  }

  /** Every decision on the item undone. */
  public Draft reset(String itemId) {
    List<DraftRecord.Decision> kept = new ArrayList<>(record.decisions());
    kept.removeIf(d -> d.itemId().equals(itemId));
    return withDecisions(kept);
  }

  /**
   * The édito ({@code text} blank removes it).
   *
   * @throws IllegalArgumentException when it is too long or holds control characters
   */
  public Draft edito(String text) {
    String t = text == null || text.isBlank() ? null : text.strip();
    if (t != null) {
      Edito.problem(t)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException(p);
              });
    }
    return new Draft(
        new DraftRecord(
            record.audience(),
            record.week(),
            t,
            record.approvedAt(),
            record.reopenedAt(),
            record.heldNoticeAt(),
            record.decisions(),
            record.numbers(),
            record.seen()));
  }

  public Draft approve(Instant at) {
    return dates(at, record.reopenedAt(), record.heldNoticeAt());
  }

  /** Open again for changes: the approval is withdrawn. */
  public Draft reopen(Instant at) {
    return dates(null, at, record.heldNoticeAt());
  }

  /** Notes that the editor was told the week is held for want of approval. */
  public Draft heldNotice(Instant at) {
    return dates(record.approvedAt(), record.reopenedAt(), at);
  }

  public Optional<Instant> heldNotice() {
    return Optional.ofNullable(record.heldNoticeAt());
  }

  private Draft dates(Instant approved, Instant reopened, Instant held) {
    return new Draft(
        new DraftRecord(
            record.audience(),
            record.week(),
            record.edito(),
            approved,
            reopened,
            held,
            record.decisions(),
            record.numbers(),
            record.seen()));
  }

  private static String override(String text, int max, String what) {
    String t = text == null ? "" : text.replaceAll("[\\p{Cntrl}&&[^\\t]]+", " ").strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("the " + what + " must not be empty");
    }
    if (t.length() > max) {
      throw new IllegalArgumentException(
          "the " + what + " is " + t.length() + " characters long; the limit is " + max);
    }
    return t;
  }

  private Draft with(String itemId, Kind kind, String value, Instant at) {
    List<DraftRecord.Decision> kept = new ArrayList<>(record.decisions());
    kept.removeIf(d -> d.itemId().equals(itemId) && d.kind().equals(kind.label()));
    kept.add(new DraftRecord.Decision(itemId, kind.label(), value, at));
    return withDecisions(kept);
  }

  private Draft without(String itemId, Kind kind) {
    List<DraftRecord.Decision> kept = new ArrayList<>(record.decisions());
    kept.removeIf(d -> d.itemId().equals(itemId) && d.kind().equals(kind.label()));
    return withDecisions(kept);
  }

  private Draft withDecisions(List<DraftRecord.Decision> decisions) {
    return new Draft(
        new DraftRecord(
            record.audience(),
            record.week(),
            record.edito(),
            record.approvedAt(),
            record.reopenedAt(),
            record.heldNoticeAt(),
            decisions,
            record.numbers(),
            record.seen()));
  }
}
