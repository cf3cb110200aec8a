package org.veille.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.config.Settings;
import org.veille.mail.SendReport.Line;
import org.veille.mail.SendReport.Outcome;
import org.veille.store.Delivery;
import org.veille.store.DeliveryLedger;

/**
 * Sends the newsletter over SMTP, one message per recipient, and keeps the delivery ledger: a
 * recipient already served is skipped, one refused for good (5xx) is not retried, one refused for
 * now (4xx, connection lost) stays owed for the next {@code send}. A lost connection stops the run;
 * the recipients not reached stay owed.
 */
public final class Mailer {
  private static final Logger log = LoggerFactory.getLogger(Mailer.class);
  private static final int TIMEOUT_MS = 30_000;

  private final Settings.Smtp smtp;
  private final Composer composer;
  private final Map<String, String> env;
  private final DeliveryLedger ledger;
  private final Clock clock;
  private final String audience;

  /** A mailer for the audience {@code main}. */
  public Mailer(Settings settings, Map<String, String> env, DeliveryLedger ledger, Clock clock)
      throws MailException {
    this(settings, env, ledger, clock, "main");
  }

  /**
   * A mailer for one audience: {@code settings.newsletter()} is that audience's letter; its ledger
   * lines, List-Id, Message-IDs and unsubscribe address are its own.
   */
  public Mailer(
      Settings settings,
      Map<String, String> env,
      DeliveryLedger ledger,
      Clock clock,
      String audience)
      throws MailException {
    this.smtp = settings.smtp();
    this.env = env;
    this.ledger = ledger;
    this.clock = clock;
    this.audience = audience;
    try {
      this.composer =
          new Composer(settings.newsletter().from(), settings.newsletter().title(), audience);
    } catch (AddressException e) {
      throw new MailException("settings.newsletter.from: invalid address: " + e.getMessage());
    }
  }

  /**
   * Everyone the newsletter goes to: the recipients, then the editor (who gets the editor's copy).
   */
  public static List<String> audience(Settings.Newsletter nl) {
    Set<String> all = new LinkedHashSet<>(nl.recipients());
    nl.editorAddress().ifPresent(all::add);
    return List.copyOf(all);
  }

  /** As {@link #send(Letter, Letter, List, String, boolean)}, leaving unknown deliveries alone. */
  public SendReport send(Letter letter, Letter editorLetter, List<String> recipients, String editor)
      throws MailException {
    return send(letter, editorLetter, recipients, editor, false);
  }

  /**
   * Sends {@code letter} to every recipient still owed it for its week; {@code editor} (nullable)
   * gets {@code editorLetter}. A recipient whose delivery is unknown (a send died during the SMTP
   * exchange) is reported as such and not sent to, unless {@code resendUnknown}.
   */
  public SendReport send(
      Letter letter,
      Letter editorLetter,
      List<String> recipients,
      String editor,
      boolean resendUnknown)
      throws MailException {
    Session session = session();
    Map<String, Delivery> done = ledger.week(audience, letter.week());
    List<Line> lines = new ArrayList<>();
    Transport transport = null;
    String stopped = null;
    try {
      for (String r : recipients) {
        Delivery before = done.get(r);
        boolean retry =
            before == null
                || before.status() == Delivery.Status.PENDING
                || (resendUnknown && before.status() == Delivery.Status.SENDING);
        if (!retry) {
          lines.add(
              new Line(
                  r,
                  switch (before.status()) {
                    case SENT -> Outcome.ALREADY_SENT;
                    case FAILED -> Outcome.ALREADY_FAILED;
                    default -> Outcome.UNKNOWN;
                  },
                  before.status() == Delivery.Status.SENDING
                      ? "a send stopped during the SMTP exchange at "
                          + before.at()
                          + "; the letter may or may not have arrived"
                      : before.error()));
          continue;
        }
        int attempts = before == null ? 1 : before.attempts() + 1;
        if (stopped != null) {
          record(
              letter.week(), r, Delivery.Status.PENDING, attempts - 1, "not attempted: " + stopped);
          lines.add(new Line(r, Outcome.PENDING, "not attempted: " + stopped));
          continue;
        }
        Letter l = r.equals(editor) ? editorLetter : letter;
        record(letter.week(), r, Delivery.Status.SENDING, attempts, null);
        try {
          if (transport == null || !transport.isConnected()) {
            transport = connect(session);
          }
          MimeMessage m = composer.compose(session, l, r, clock.instant());
          transport.sendMessage(m, m.getAllRecipients());
          record(letter.week(), r, Delivery.Status.SENT, attempts, null);
          lines.add(new Line(r, Outcome.SENT, null));
          log.info("newsletter {} sent to {}", letter.week(), r);
        } catch (SendFailedException e) {
          int code = code(e);
          boolean permanent = code >= 500 && code < 600;
          String error = describe(e, code);
          record(
              letter.week(),
              r,
              permanent ? Delivery.Status.FAILED : Delivery.Status.PENDING,
              attempts,
              error);
          lines.add(new Line(r, permanent ? Outcome.FAILED : Outcome.PENDING, error));
        } catch (MessagingException e) {
          String error = describe(e, code(e));
          record(letter.week(), r, Delivery.Status.PENDING, attempts, error);
          lines.add(new Line(r, Outcome.PENDING, error));
          stopped =
              e instanceof AuthenticationFailedException
                  ? "SMTP authentication failed"
                  : "SMTP server unavailable";
          closeQuietly(transport);
          transport = null;
        }
      }
    } finally {
      closeQuietly(transport);
    }
    return new SendReport(letter.week(), lines);
  }

  /** Sends a test copy to {@code to}, outside the ledger. */
  public SendReport sendTest(Letter letter, List<String> to) throws MailException {
    Session session = session();
    List<Line> lines = new ArrayList<>();
    Transport transport = null;
    try {
      for (String r : to) {
        try {
          if (transport == null || !transport.isConnected()) {
            transport = connect(session);
          }
          MimeMessage m = composer.compose(session, letter, r, clock.instant());
          transport.sendMessage(m, m.getAllRecipients());
          lines.add(new Line(r, Outcome.SENT, null));
        } catch (MessagingException e) {
          lines.add(
              new Line(
                  r,
                  e instanceof SendFailedException && code(e) >= 500
                      ? Outcome.FAILED
                      : Outcome.PENDING,
                  describe(e, code(e))));
        }
      }
    } finally {
      closeQuietly(transport);
    }
    return new SendReport(letter.week(), lines);
  }

  /** Writes the messages that {@link #send} would send as {@code .eml} files; records nothing. */
  public SendReport dryRun(
      Letter letter, Letter editorLetter, List<String> recipients, String editor, Path outbox)
      throws MailException {
    Session session = Session.getInstance(new Properties());
    List<Line> lines = new ArrayList<>();
    try {
      Path dir = outbox.resolve(letter.week());
      Files.createDirectories(dir);
      for (String r : recipients) {
        MimeMessage m =
            composer.compose(session, r.equals(editor) ? editorLetter : letter, r, clock.instant());
        Path file =
            dir.resolve(r.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@._-]", "_") + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
          m.writeTo(out);
        }
        lines.add(new Line(r, Outcome.WRITTEN, file.toString()));
      }
    } catch (IOException | MessagingException e) {
      throw new MailException("cannot write the outbox " + outbox + ": " + e.getMessage());
    }
    return new SendReport(letter.week(), lines);
  }

  /** The archive version of the letter being sent (0 when not archived): set by the caller. */
  private int version;

  /** Notes which archived version of the letter the next {@link #send} delivers. */
  public Mailer version(int archived) {
    this.version = archived;
    return this;
  }

  private void record(
      String week, String recipient, Delivery.Status status, int attempts, String error) {
    ledger.record(
        new Delivery(
            audience,
            week,
            recipient,
            status,
            attempts,
            error,
            clock.instant(),
            composer.messageId(week, recipient),
            version));
  }

  private Session session() throws MailException {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", String.valueOf(smtp.port()));
    p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MS));
    p.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MS));
    p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MS));
    if (smtp.ssl()) {
      p.put("mail.smtp.ssl.enable", "true");
      p.put("mail.smtp.ssl.checkserveridentity", "true");
    } else if (smtp.starttls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
      p.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    if (smtp.user().isPresent()) {
      p.put("mail.smtp.auth", "true");
      String password = env.get(smtp.passwordEnv());
      if (password == null || password.isEmpty()) {
        throw new MailException(
            "settings.smtp.username is set but the environment variable "
                + smtp.passwordEnv()
                + " (settings.smtp.password_env) is empty");
      }
    }
    return Session.getInstance(p);
  }

  private Transport connect(Session session) throws MessagingException {
    Transport t = session.getTransport("smtp");
    if (smtp.user().isPresent()) {
      t.connect(smtp.host(), smtp.port(), smtp.username(), env.get(smtp.passwordEnv()));
    } else {
      t.connect();
    }
    return t;
  }

  /** The SMTP reply code of a failure, or 0 when the server gave none (connection lost). */
  private static int code(Exception e) {
    for (Exception x = e;
        x != null;
        x = x instanceof MessagingException me ? me.getNextException() : null) {
      if (x instanceof SMTPAddressFailedException a) {
        return a.getReturnCode();
      }
      if (x instanceof SMTPSendFailedException s) {
        return s.getReturnCode();
      }
    }
    return 0;
  }

  private String describe(Exception e, int code) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    for (Exception x = e instanceof MessagingException me ? me.getNextException() : null;
        x != null;
        x = x instanceof MessagingException me ? me.getNextException() : null) {
      if (x.getMessage() != null) {
        m = x.getMessage();
      }
    }
    String where = smtp.host() + ":" + smtp.port();
    for (Throwable x = e; x != null; x = next(x)) {
      if (x instanceof java.net.UnknownHostException) {
        return "unknown host '" + smtp.host() + "' (settings.smtp.host): the name does not resolve";
      }
      if (x instanceof java.net.ConnectException) {
        return "connection refused by " + where + " (settings.smtp.host and port)";
      }
    }
    return (code > 0 ? "SMTP " + code + ": " : "")
        + m.replaceAll("\\s+", " ").strip()
        + (code > 0 ? "" : " (" + where + ")");
  }

  private static Throwable next(Throwable x) {
    if (x instanceof MessagingException me && me.getNextException() != null) {
      return me.getNextException();
    }
    return x.getCause() == x ? null : x.getCause();
  }

  private static void closeQuietly(Transport t) {
    if (t != null) {
      try {
        t.close();
      } catch (MessagingException e) {
        // the connection is going away anyway
      }
    }
  }
}
