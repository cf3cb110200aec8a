package org.veille.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.config.Audience;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.digest.DigestArchive;
import org.veille.digest.Period;
import org.veille.editorial.Draft;
import org.veille.mail.Letter;
import org.veille.mail.MailException;
import org.veille.mail.Mailer;
import org.veille.mail.SendReport;
import org.veille.store.ArchivedLetter;
import org.veille.store.Delivery;
import org.veille.store.SourceStatus;
import org.veille.store.Store;
import org.veille.store.WriterLock;

/**
 * The newsletters of a week, one per audience: the curated letter (the partners' one, and the
 * editor's one with the broken sources), sent at most once per audience and recipient and archived
 * as sent; written to files for a dry run; or sent as a test copy outside the ledger. A week of an
 * audience with {@code review: true} goes out only approved, exactly as approved.
 */
public final class Newsletter {
  private static final Logger log = LoggerFactory.getLogger(Newsletter.class);
  private final Context ctx;

  public Newsletter(Context ctx) {
    this.ctx = ctx;
  }

  /** What a run did for one audience. */
  public enum Outcome {
    /** The letter was sent to whoever was owed it (the report says how it went). */
    SENT,
    /** Not sent: the week is not approved. */
    HELD,
    /**
     * Not sent: the audience's filters kept nothing this week and it says {@code when_empty: skip}.
     */
    NO_LETTER
  }

  /**
   * One audience's part of a send: {@code report} is null unless {@code outcome} is SENT; {@code
   * notes} name what the editor should know (skipped lines of the recipients file, why it was
   * held).
   */
  public record Run(
      Audience audience, String week, Outcome outcome, SendReport report, List<String> notes) {
    public Run {
      notes = List.copyOf(notes);
    }

    /** Whether this audience's week is done: sent to everyone, nobody unknown, or no letter due. */
    public boolean complete() {
      return outcome == Outcome.NO_LETTER || (outcome == Outcome.SENT && !report.incomplete());
    }
  }

  /**
   * What a dry run or a test copy did for one audience: the subject, the report, and (for a dry
   * run) the folder the messages were written to, else null.
   */
  public record Trial(
      Audience audience, String subject, SendReport report, Path folder, List<String> notes) {
    public Trial {
      notes = List.copyOf(notes);
    }
  }

  /** Everyone an audience's letter goes to: the recipients, then the editor. */
  public static List<String> recipients(Audience a) {
    return Mailer.audience(a.letter());
  }

  /** Everyone the letter of the first audience goes to. */
  public List<String> audience() throws ConfigException {
    return recipients(ctx.config().newsletters().get(0));
  }

  /**
   * Sends the week's letter of each audience ({@code audienceId}, or all when null) to everyone
   * still owed it, under the writer lock (waiting up to {@code lockWait}, telling {@code onWait}
   * why), and publishes it to {@code data/digests/}. Recipients whose delivery is unknown are sent
   * to again only when {@code resendUnknown}. A week not approved where review is on is held,
   * unless {@code scheduled} and the audience says {@code unreviewed: send}; a scheduled run tells
   * the editor once that it holds the week.
   */
  public List<Run> send(
      Period period,
      String audienceId,
      Duration lockWait,
      Consumer<String> onWait,
      boolean resendUnknown,
      boolean scheduled)
      throws ConfigException, WriterLock.LockedException, InterruptedException, MailException {
    Config config = ctx.config();
    List<Audience> audiences = Letters.audiences(config, audienceId);
    requireRecipients(audiences);
    List<Run> runs = new ArrayList<>();
    try (WriterLock lock = ctx.lock(lockWait, onWait);
        Store store = ctx.openStoreToWrite()) {
      for (Audience a : audiences) {
        runs.add(sendOne(config, store, a, period, resendUnknown, scheduled));
      }
    }
    return runs;
  }

  private Run sendOne(
      Config config,
      Store store,
      Audience a,
      Period period,
      boolean resendUnknown,
      boolean scheduled)
      throws MailException, ConfigException {
    List<String> notes = new ArrayList<>(a.recipientProblems());
    Letters.Built built = Letters.build(config, store, a, period);
    Mailer mailer = mailer(config, store, a);
    boolean approved = built.draft().approved().isPresent();
    if (a.review() && !approved) {
      if (!(scheduled && a.unreviewed() == Audience.Unreviewed.SEND)) {
        notes.add(
            "not approved: nothing sent; check it with 'veille review --newsletter "
                + a.id()
                + " --week "
                + period.name()
                + "', then 'veille review approve'");
        if (scheduled) {
          notifyHeld(store, built, mailer);
        }
        return new Run(a, period.name(), Outcome.HELD, null, notes);
      }
      notes.add("not approved; sent anyway (unreviewed: send)");
    }
    if (built.digest().empty() && a.whenEmpty() == Audience.WhenEmpty.SKIP) {
      notes.add("no letter: nothing this week matches its filters (when_empty: skip)");
      return new Run(a, period.name(), Outcome.NO_LETTER, null, notes);
    }
    Letter partners;
    Letter editor;
    int version;
    Optional<ArchivedLetter> frozen =
        approved ? store.letters().latest(a.id(), period.name()) : Optional.empty();
    if (frozen.isPresent() && !frozen.get().status().equals("ready")) {
      // exactly the letter that was approved, even if the week changed since
      partners =
          new Letter(
              period.name(), frozen.get().subject(), frozen.get().text(), frozen.get().html());
      editor = partners;
      version = frozen.get().version();
    } else {
      partners = built.partners();
      editor = built.letter(broken(config, store));
      version = store.letters().record(built.archived("ready", ctx.now()));
    }
    new DigestArchive(ctx.dataDir().resolve("digests"), config.forAudience(a))
        .publish(built.digest(), built.renderer(), publishedName(a, period));
    SendReport report =
        mailer
            .version(version)
            .send(partners, editor, recipients(a), a.editor().orElse(null), resendUnknown);
    if (report.count(SendReport.Outcome.SENT) + report.count(SendReport.Outcome.ALREADY_SENT) > 0) {
      store.letters().markSent(a.id(), period.name(), version, ctx.now());
    }
    return new Run(a, period.name(), Outcome.SENT, report, notes);
  }

  /** The files of a published letter: {@code WEEK} for main, {@code WEEK.AUDIENCE} for others. */
  static String publishedName(Audience a, Period period) {
    return a.id().equals(Audience.MAIN) ? period.name() : period.name() + "." + a.id();
  }

  /** Tells the editor, once per week, that the week is held for want of approval. */
  private void notifyHeld(Store store, Letters.Built built, Mailer mailer) {
    Audience a = built.audience();
    Draft draft = built.draft();
    if (draft.heldNotice().isPresent() || a.editor().isEmpty()) {
      log.info("newsletter {} {} held: not approved", a.id(), built.period().name());
      return;
    }
    String week = built.period().name();
    String subject =
        "[Veille] " + a.letter().title() + " — " + week + " : lettre non validée, rien n'est parti";
    String text =
        "La lettre « "
            + a.letter().title()
            + " » ("
            + a.id()
            + ") de la semaine "
            + week
            + " n'a pas été validée : elle n'a été envoyée à personne.\n\n"
            + "Pour la relire : veille review --newsletter "
            + a.id()
            + " --week "
            + week
            + "\nPour la valider : veille review approve --newsletter "
            + a.id()
            + " --week "
            + week
            + "\nPuis : veille send --newsletter "
            + a.id()
            + " --week "
            + week
            + "\n";
    String html =
        "<p>"
            + org.jsoup.nodes.Entities.escape(text).replace("\n\n", "</p><p>").replace("\n", "<br>")
            + "</p>";
    try {
      SendReport r =
          mailer.sendTest(new Letter(week, subject, text, html), List.of(a.editor().get()));
      if (r.count(SendReport.Outcome.SENT) > 0) {
        store.drafts().save(draft.heldNotice(ctx.now()).record());
      }
      log.info("newsletter {} {} held: not approved; the editor was told", a.id(), week);
    } catch (MailException e) {
      log.warn("newsletter {} {} held; cannot tell the editor: {}", a.id(), week, e.getMessage());
    }
  }

  /**
   * Writes the messages {@link #send} would send to {@code data/outbox/WEEK/} (main) or {@code
   * data/outbox/AUDIENCE/WEEK/}; records nothing.
   */
  public List<Trial> dryRun(Period period, String audienceId)
      throws ConfigException, MailException {
    Config config = ctx.config();
    Path outbox = ctx.dataDir().resolve("outbox");
    List<Trial> out = new ArrayList<>();
    try (Store store = ctx.openStore()) {
      for (Audience a : Letters.audiences(config, audienceId)) {
        Letters.Built built = Letters.build(config, store, a, period);
        List<String> notes = new ArrayList<>(a.recipientProblems());
        Letter[] letters = letters(config, store, built, notes);
        Path folder = a.id().equals(Audience.MAIN) ? outbox : outbox.resolve(a.id());
        SendReport report =
            mailer(config, store, a)
                .dryRun(letters[0], letters[1], recipients(a), a.editor().orElse(null), folder);
        out.add(new Trial(a, letters[0].subject(), report, folder.resolve(report.week()), notes));
      }
    }
    return out;
  }

  /**
   * Sends the editor's letter of an audience ({@code null}: the first) to {@code to}, outside the
   * ledger.
   */
  public Trial testCopy(Period period, String audienceId, List<String> to)
      throws ConfigException, MailException {
    Config config = ctx.config();
    Audience a = Letters.audience(config, audienceId);
    try (Store store = ctx.openStore()) {
      Letters.Built built = Letters.build(config, store, a, period);
      List<String> notes = new ArrayList<>();
      Letter[] letters = letters(config, store, built, notes);
      SendReport report = mailer(config, store, a).sendTest(letters[1], to);
      return new Trial(a, letters[0].subject(), report, null, notes);
    }
  }

  /** An audience's letter of a week as a send would mail it to the partners now, with notes. */
  public record Mailed(Audience audience, Period period, Letter letter, List<String> notes) {
    public Mailed {
      notes = List.copyOf(notes);
    }
  }

  /**
   * The letter of {@code audienceId} (null: the first) for {@code week} (null: the last completed
   * one) exactly as a send would mail it to the partners now: the approved letter when approved,
   * else the draft as it stands.
   */
  public Mailed mailed(String audienceId, String week) throws ConfigException {
    Config config = ctx.config();
    Audience a = Letters.audience(config, audienceId);
    Period period = Letters.week(config, week, ctx.now());
    try (Store store = ctx.openStore()) {
      Letters.Built built = Letters.build(config, store, a, period);
      List<String> notes = new ArrayList<>(a.recipientProblems());
      Letter[] letters = letters(config, store, built, notes);
      return new Mailed(a, period, letters[0], notes);
    }
  }

  /** The partners' and the editor's letters as a send would make them now. */
  private Letter[] letters(Config config, Store store, Letters.Built built, List<String> notes) {
    Audience a = built.audience();
    if (built.draft().approved().isPresent()) {
      Optional<ArchivedLetter> frozen = store.letters().latest(a.id(), built.period().name());
      if (frozen.isPresent() && !frozen.get().status().equals("ready")) {
        Letter l =
            new Letter(
                built.period().name(),
                frozen.get().subject(),
                frozen.get().text(),
                frozen.get().html());
        return new Letter[] {l, l};
      }
    } else if (a.review()) {
      notes.add("not approved: a send would hold it; this is the draft as it stands");
    }
    return new Letter[] {built.partners(), built.letter(broken(config, store))};
  }

  /** Whether anyone is still owed an audience's letter of {@code week} that a send would send. */
  public boolean owed(String week) throws ConfigException {
    Config config = ctx.config();
    try (Store store = ctx.openStore()) {
      for (Audience a : config.newsletters()) {
        Map<String, Delivery> ledger = store.ledger().week(a.id(), week);
        boolean someoneOwed =
            recipients(a).stream()
                .anyMatch(r -> ledger.get(r) == null || ledger.get(r).status().owed());
        if (!someoneOwed) {
          continue;
        }
        Optional<Draft> draft = store.drafts().draft(a.id(), week).map(Draft::new);
        boolean approved = draft.flatMap(Draft::approved).isPresent();
        boolean held = a.review() && !approved && a.unreviewed() == Audience.Unreviewed.HOLD;
        if (!held || draft.flatMap(Draft::heldNotice).isEmpty()) {
          return true;
        }
      }
      return false;
    }
  }

  private Mailer mailer(Config config, Store store, Audience a) throws MailException {
    return new Mailer(
        config.forAudience(a).settings(), ctx.env(), store.ledger(), ctx.clock(), a.id());
  }

  private void requireRecipients(List<Audience> audiences) throws ConfigException {
    for (Audience a : audiences) {
      if (recipients(a).isEmpty()) {
        throw new RequestException(
            ctx.config().file()
                + ": "
                + (a.id().equals(Audience.MAIN)
                    ? "settings.newsletter.recipients is empty"
                    : "newsletter " + a.id() + " has no recipients")
                + "; nobody to send to");
      }
    }
  }

  /** Enabled sources that need the editor's attention, with why. */
  static List<String> broken(Config config, Store store) {
    List<String> out = new ArrayList<>();
    for (SourceStatus s : store.sources().statuses()) {
      boolean enabled = config.source(s.id()).map(c -> c.enabled()).orElse(false);
      if (enabled && !s.healthy()) {
        out.add(
            s.id()
                + " — "
                + (s.brokenSelector() ? "broken selector" : s.lastError())
                + " ("
                + s.consecutiveFailures()
                + " failures in a row)");
      }
    }
    return out;
  }
}
