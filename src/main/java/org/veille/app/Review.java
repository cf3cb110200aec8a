package org.veille.app;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.veille.config.Audience;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.config.Topic;
import org.veille.digest.Digest;
import org.veille.digest.Period;
import org.veille.editorial.Draft;
import org.veille.store.Delivery;
import org.veille.store.Store;
import org.veille.store.StoredItem;
import org.veille.store.WriterLock;

/**
 * The editor's review of an audience's week: the draft as it will be sent, with stable numbers and
 * what changed since the last look; and the edits (pin, hide, move, retitle, summarise, add, édito,
 * approve, reopen), each under the writer lock. A week already sent to someone is not changed until
 * it is reopened, and reopening never sends to those already served.
 */
public final class Review {
  private final Context ctx;
  private final Duration lockWait;
  private final Consumer<String> onWait;

  /** Edits wait up to {@code lockWait} for another writer, telling {@code onWait} why. */
  public Review(Context ctx, Duration lockWait, Consumer<String> onWait) {
    this.ctx = ctx;
    this.lockWait = lockWait;
    this.onWait = onWait;
  }

  /** Where a week stands for its audience. */
  public enum State {
    /** Open to changes. */
    DRAFT,
    /** Approved: frozen until reopened. */
    APPROVED,
    /** Sent to someone and not reopened since: frozen. */
    SENT,
    /** Sent to some, reopened: changes go to those not yet served. */
    REOPENED
  }

  /** An item that was in the draft at the last look and is no more, with why. */
  public record Gone(String id, String title, String why) {}

  /**
   * A draft as the editor sees it: the letter exactly as it would be sent, each item's draft
   * number, the pinned and hidden ids, what changed since the last look ({@code firstLook} when
   * there was none), how many recipients were served, and notes (broken sources, filters not
   * applied yet).
   */
  public record View(
      Audience audience,
      Period period,
      State state,
      Optional<Instant> approvedAt,
      Optional<String> edito,
      Digest letter,
      Map<String, Integer> numbers,
      Set<String> pinned,
      List<Digest.Item> hidden,
      boolean firstLook,
      List<Digest.Item> arrived,
      List<Gone> gone,
      long served,
      List<String> notes) {

    public View {
      numbers = Map.copyOf(numbers);
      pinned = Set.copyOf(pinned);
      hidden = List.copyOf(hidden);
      arrived = List.copyOf(arrived);
      gone = List.copyOf(gone);
      notes = List.copyOf(notes);
    }

    public String week() {
      return period.name();
    }
  }

  /**
   * The draft of an audience's week ({@code audienceId} null: the first audience; {@code week}
   * null: the last completed week). With {@code look}, it becomes the last look the next one is
   * compared with.
   */
  public View show(String audienceId, String week, boolean look) throws ConfigException {
    Config config = ctx.config();
    Audience a = Letters.audience(config, audienceId);
    Period period = Letters.week(config, week, ctx.now());
    try (Store store = ctx.openStore()) {
      return ReviewView.of(ctx, config, store, a, period, look);
    }
  }

  // ---- edits ----------------------------------------------------------------------------------

  /** Pins an item (an id or a draft number) into the headlines, or to the top of its section. */
  public View pin(String audienceId, String week, String item, Draft.PinTo to) throws Exception {
    return edit(audienceId, week, (s, d) -> d.pin(inDraft(s, d, item), to, ctx.now()));
  }

  public View hide(String audienceId, String week, String item) throws Exception {
    return edit(audienceId, week, (s, d) -> d.hide(inDraft(s, d, item), ctx.now()));
  }

  /** Moves an item to the section of {@code topic} ({@code none}: the last section). */
  public View move(String audienceId, String week, String item, String topic) throws Exception {
    return edit(
        audienceId,
        week,
        (s, d) -> {
          List<Topic> topics = s.config.forAudience(s.audience).topics();
          if (!topic.equals(Draft.NO_TOPIC)
              && topics.stream().noneMatch(t -> t.id().equals(topic))) {
            throw new RequestException(
                "unknown topic '"
                    + topic
                    + "' for newsletter "
                    + s.audience.id()
                    + " (topics: "
                    + String.join(", ", topics.stream().map(Topic::id).toList())
                    + ", or "
                    + Draft.NO_TOPIC
                    + " for the last section)");
          }
          return d.move(inDraft(s, d, item), topic, ctx.now());
        });
  }

  public View title(String audienceId, String week, String item, String text) throws Exception {
    return edit(audienceId, week, (s, d) -> d.title(inDraft(s, d, item), text, ctx.now()));
  }

  public View summary(String audienceId, String week, String item, String text) throws Exception {
    return edit(audienceId, week, (s, d) -> d.summary(inDraft(s, d, item), text, ctx.now()));
  }

  /** Adds a stored item the ranking left out of the week. */
  public View add(String audienceId, String week, String item) throws Exception {
    return edit(
        audienceId,
        week,
        (s, d) -> {
          String id = item.trim();
          if (s.store.items().item(id).isEmpty()) {
            throw new RequestException(
                "no stored item with id '" + id + "' (find one with 'veille search')");
          }
          StoredItem i = s.store.items().item(id).get();
          if (i.url() == null) {
            throw new RequestException(
                "item " + id + " has no link; a letter only carries items with a link");
          }
          return d.add(id, ctx.now());
        });
  }

  /** Undoes every decision on an item. */
  public View reset(String audienceId, String week, String item) throws Exception {
    return edit(audienceId, week, (s, d) -> d.reset(inDraft(s, d, item)));
  }

  /** Sets the édito ({@code text} blank: removes it). */
  public View edito(String audienceId, String week, String text) throws Exception {
    return edit(audienceId, week, (s, d) -> d.edito(text));
  }

  /**
   * Approves the week: the letter as it stands is archived and is exactly what a send sends, even
   * if the week changes before.
   */
  public View approve(String audienceId, String week) throws Exception {
    return change(
        audienceId,
        week,
        (s, d) -> {
          refuseFrozen(s, d);
          Draft approved = d.approve(ctx.now());
          s.store.drafts().save(approved.record());
          Letters.Built built = Letters.build(s.config, s.store, s.audience, s.period);
          s.store.letters().record(built.archived("approved", ctx.now()));
          return approved;
        });
  }

  /**
   * Opens an approved or sent week to changes again. Those already served are not sent to again;
   * the next send goes to those still owed it.
   */
  public View reopen(String audienceId, String week) throws Exception {
    return change(
        audienceId,
        week,
        (s, d) -> {
          State st = ReviewView.state(d, s.store.ledger().week(s.audience.id(), s.period.name()));
          if (st == State.DRAFT || st == State.REOPENED) {
            throw new RequestException(
                "newsletter "
                    + s.audience.id()
                    + " "
                    + s.period.name()
                    + " is already open to changes; nothing to reopen");
          }
          Draft open = d.reopen(ctx.now());
          s.store.drafts().save(open.record());
          return open;
        });
  }

  /** What an edit works on. */
  private record Session(Config config, Store store, Audience audience, Period period) {}

  @FunctionalInterface
  private interface Change {
    Draft apply(Session s, Draft d) throws Exception;
  }

  /** A change of the draft's decisions or édito: refused when the week is frozen. */
  private View edit(String audienceId, String week, Change change) throws Exception {
    return change(
        audienceId,
        week,
        (s, d) -> {
          refuseFrozen(s, d);
          Draft next;
          try {
            next = change.apply(s, d);
          } catch (IllegalArgumentException e) {
            throw new RequestException(e.getMessage());
          }
          s.store.drafts().save(next.record());
          return next;
        });
  }

  private View change(String audienceId, String week, Change change) throws Exception {
    Config config = ctx.config();
    Audience a = Letters.audience(config, audienceId);
    Period period = Letters.week(config, week, ctx.now());
    try (WriterLock lock = ctx.lock(lockWait, onWait);
        Store store = ctx.openStore()) {
      Session s = new Session(config, store, a, period);
      Draft d =
          store
              .drafts()
              .draft(a.id(), period.name())
              .map(Draft::new)
              .orElse(Draft.empty(a.id(), period.name()));
      change.apply(s, d);
      return ReviewView.of(ctx, config, store, a, period, false);
    }
  }

  private void refuseFrozen(Session s, Draft d) {
    Map<String, Delivery> ledger = s.store.ledger().week(s.audience.id(), s.period.name());
    String name = "newsletter " + s.audience.id() + " " + s.period.name();
    switch (ReviewView.state(d, ledger)) {
      case APPROVED ->
          throw new RequestException(
              name
                  + " is approved ("
                  + d.approved().get()
                  + "); run 'veille review reopen --newsletter "
                  + s.audience.id()
                  + " --week "
                  + s.period.name()
                  + "' to change it");
      case SENT ->
          throw new RequestException(
              name
                  + " was already sent to "
                  + ledger.values().stream().filter(x -> x.status() == Delivery.Status.SENT).count()
                  + " recipients; it cannot be changed. 'veille review reopen' opens it again for"
                  + " those not yet served (nobody gets it twice)");
      default -> {}
    }
  }

  /**
   * The item {@code ref} names in the draft: a draft number, or an id of an item the draft shows,
   * hid or added.
   */
  private static String inDraft(Session s, Draft d, String ref) {
    String r = ref.trim();
    Letters.Built built = Letters.build(s.config, s.store, s.audience, s.period);
    Map<String, Digest.Item> known = new LinkedHashMap<>();
    built.ranked().shown().forEach(i -> known.put(i.id(), i));
    built.digest().shown().forEach(i -> known.put(i.id(), i));
    if (r.matches("\\d{1,6}")) {
      Optional<String> id =
          s.store
              .drafts()
              .draft(s.audience.id(), s.period.name())
              .map(Draft::new)
              .flatMap(x -> x.itemNumbered(Integer.parseInt(r)));
      if (id.isPresent() && known.containsKey(id.get())) {
        return id.get();
      }
      throw new RequestException(
          "no item numbered "
              + r
              + " in the draft of newsletter "
              + s.audience.id()
              + " "
              + s.period.name()
              + " (see the numbers with 'veille review')");
    }
    if (known.containsKey(r) || d.touched().contains(r)) {
      return r;
    }
    throw new RequestException(
        "no item '"
            + r
            + "' in the draft of newsletter "
            + s.audience.id()
            + " "
            + s.period.name()
            + " (use a number or an id from 'veille review'; 'veille review add ID' adds a stored"
            + " item)");
  }
}
