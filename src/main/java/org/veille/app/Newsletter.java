package org.veille.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.digest.Digest;
import org.veille.digest.DigestArchive;
import org.veille.digest.DigestBuilder;
import org.veille.digest.DigestRenderer;
import org.veille.digest.Period;
import org.veille.mail.Letter;
import org.veille.mail.MailException;
import org.veille.mail.Mailer;
import org.veille.mail.SendReport;
import org.veille.store.Delivery;
import org.veille.store.SourceStatus;
import org.veille.store.Store;
import org.veille.store.WriterLock;

/**
 * The newsletter of a period: the letters (the partners' one, and the editor's one with the broken
 * sources), sent at most once per recipient, written to files for a dry run, or sent as a test copy
 * outside the ledger.
 */
public final class Newsletter {
  private final Context ctx;

  public Newsletter(Context ctx) {
    this.ctx = ctx;
  }

  /** The letters of a digest: the partners' one and the editor's one (with the broken sources). */
  public record Letters(Letter partners, Letter editor, Digest digest) {}

  /**
   * What a dry run or a test copy did: the letter's subject, the report, and (for a dry run) the
   * folder the messages were written to, else null.
   */
  public record Trial(String subject, SendReport report, Path folder) {}

  /** Everyone the newsletter goes to: the recipients, then the editor. */
  public List<String> audience() throws ConfigException {
    return Mailer.audience(ctx.config().settings().newsletter());
  }

  /**
   * Publishes the digest of {@code period} and sends it to everyone still owed it, under the writer
   * lock (waiting up to {@code lockWait}, telling {@code onWait} why).
   */
  public SendReport send(Period period, Duration lockWait, Consumer<String> onWait)
      throws ConfigException, WriterLock.LockedException, InterruptedException, MailException {
    Config config = ctx.config();
    var nl = config.settings().newsletter();
    requireAudience();
    try (WriterLock lock = ctx.lock(lockWait, onWait);
        Store store = ctx.openStore()) {
      Letters l = letters(config, store, period);
      new DigestArchive(ctx.dataDir().resolve("digests"), config)
          .publish(l.digest(), new DigestRenderer(config));
      return new Mailer(config.settings(), ctx.env(), store.ledger(), ctx.clock())
          .send(l.partners(), l.editor(), audience(), nl.editorAddress().orElse(null));
    }
  }

  /** Writes the messages {@link #send} would send to {@code data/outbox/WEEK/}; records nothing. */
  public Trial dryRun(Period period) throws ConfigException, MailException {
    Config config = ctx.config();
    Path outbox = ctx.dataDir().resolve("outbox");
    try (Store store = ctx.openStore()) {
      Letters l = letters(config, store, period);
      SendReport report =
          new Mailer(config.settings(), ctx.env(), store.ledger(), ctx.clock())
              .dryRun(
                  l.partners(),
                  l.editor(),
                  audience(),
                  config.settings().newsletter().editorAddress().orElse(null),
                  outbox);
      return new Trial(l.partners().subject(), report, outbox.resolve(report.week()));
    }
  }

  /** Sends the editor's letter of {@code period} to {@code to}, outside the ledger. */
  public Trial testCopy(Period period, List<String> to) throws ConfigException, MailException {
    Config config = ctx.config();
    try (Store store = ctx.openStore()) {
      Letters l = letters(config, store, period);
      SendReport report =
          new Mailer(config.settings(), ctx.env(), store.ledger(), ctx.clock())
              .sendTest(l.editor(), to);
      return new Trial(l.partners().subject(), report, null);
    }
  }

  /** Whether anyone in the audience is still owed the letter of {@code week}. */
  public boolean owed(String week) throws ConfigException {
    try (Store store = ctx.openStore()) {
      Map<String, Delivery> ledger = store.ledger().week(week);
      return audience().stream()
          .anyMatch(
              r -> ledger.get(r) == null || ledger.get(r).status() == Delivery.Status.PENDING);
    }
  }

  private void requireAudience() throws ConfigException {
    if (audience().isEmpty()) {
      throw new RequestException(
          ctx.config().file() + ": settings.newsletter.recipients is empty; nobody to send to");
    }
  }

  static Letters letters(Config config, Store store, Period period) {
    Digest digest = new DigestBuilder(config, store.items()).build(period);
    DigestRenderer r = new DigestRenderer(config);
    List<String> broken = broken(config, store);
    return new Letters(letter(r, digest, List.of()), letter(r, digest, broken), digest);
  }

  private static Letter letter(DigestRenderer r, Digest d, List<String> broken) {
    return new Letter(
        d.period().name(),
        r.subject(d),
        r.render(d, DigestRenderer.Format.TEXT, broken),
        r.render(d, DigestRenderer.Format.HTML, broken));
  }

  /** Enabled sources that need the editor's attention, with why. */
  private static List<String> broken(Config config, Store store) {
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
