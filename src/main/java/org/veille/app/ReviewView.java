package org.veille.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.veille.app.Review.Gone;
import org.veille.app.Review.State;
import org.veille.app.Review.View;
import org.veille.config.Audience;
import org.veille.config.Config;
import org.veille.digest.Digest;
import org.veille.digest.Period;
import org.veille.editorial.Curation;
import org.veille.editorial.Draft;
import org.veille.store.Delivery;
import org.veille.store.Store;
import org.veille.store.StoredItem;

/**
 * The {@link Review.View} of a week, read from the store: the curated letter, the hidden items, the
 * draft numbers, what arrived and what went since the last look, the week's state from its ledger,
 * and the notes an editor should read first.
 */
final class ReviewView {
  private ReviewView() {}

  /**
   * The view of {@code a}'s week {@code period} in {@code store}; with {@code look}, it becomes the
   * last look the next one is compared with (the draft's numbers and seen items are saved).
   */
  static View of(Context ctx, Config config, Store store, Audience a, Period period, boolean look) {
    Letters.Built built = Letters.build(config, store, a, period);
    Curation.Letter c = built.curated();
    List<String> ids = new ArrayList<>();
    c.digest().shown().forEach(i -> ids.add(i.id()));
    List<Digest.Item> hidden = new ArrayList<>();
    for (Digest.Item i : built.ranked().shown()) {
      if (c.hidden().contains(i.id())) {
        hidden.add(i);
        ids.add(i.id());
      }
    }
    Set<String> seenBefore =
        store.drafts().draft(a.id(), period.name()).map(d -> d.seen()).orElse(Set.of());
    Map<String, Integer> numbers =
        look
            ? store.drafts().look(a.id(), period.name(), ids)
            : store.drafts().number(a.id(), period.name(), ids);
    boolean first = seenBefore.isEmpty();
    List<Digest.Item> arrived = new ArrayList<>();
    if (!first) {
      c.digest().shown().stream().filter(i -> !seenBefore.contains(i.id())).forEach(arrived::add);
    }
    List<Gone> gone = new ArrayList<>();
    for (String id : seenBefore) {
      if (!ids.contains(id)) {
        Optional<StoredItem> stored = store.items().item(id);
        gone.add(
            new Gone(
                id,
                stored.map(StoredItem::title).orElse(null),
                stored.isEmpty()
                    ? "no longer in the store"
                    : "no longer in this week's selection (its date, source or topics changed)"));
      }
    }
    List<String> notes = new ArrayList<>(a.recipientProblems());
    Newsletter.broken(config, store).forEach(b -> notes.add("broken source: " + b));
    Draft draft = built.draft();
    if (draft.approved().isPresent()) {
      store
          .letters()
          .latest(a.id(), period.name())
          .filter(l -> !l.html().equals(built.archived("approved", ctx.now()).html()))
          .ifPresent(
              l ->
                  notes.add(
                      "the week changed since approval; the approved letter is the one that goes"
                          + " out (reopen to take the changes in)"));
    }
    Map<String, Delivery> ledger = store.ledger().week(a.id(), period.name());
    long served =
        ledger.values().stream().filter(d -> d.status() != Delivery.Status.PENDING).count();
    return new View(
        a,
        period,
        state(draft, ledger),
        draft.approved(),
        draft.edito(),
        c.digest(),
        numbers,
        c.pinned(),
        hidden,
        first,
        arrived,
        gone,
        served,
        notes);
  }

  /** Where a week stands, by its draft and its ledger. */
  static State state(Draft draft, Map<String, Delivery> ledger) {
    Optional<Instant> lastServed =
        ledger.values().stream()
            .filter(d -> d.status() != Delivery.Status.PENDING)
            .map(Delivery::at)
            .max(Instant::compareTo);
    if (draft.approved().isPresent()) {
      return State.APPROVED;
    }
    if (lastServed.isEmpty()) {
      return State.DRAFT;
    }
    return draft.reopened().filter(r -> !r.isBefore(lastServed.get())).isPresent()
        ? State.REOPENED
        : State.SENT;
  }
}
