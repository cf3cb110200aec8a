package org.veille.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Builds one message per recipient: {@code multipart/alternative} with the text part first and the
 * HTML part second, UTF-8 throughout, and the headers mailing lists are judged by: Date,
 * Message-ID, List-Id and List-Unsubscribe. Header values never carry CR or LF.
 */
final class Composer {
  private final InternetAddress from;
  private final String listId;
  private final String audience;

  /**
   * {@code audience} other than {@code main} gets its own List-Id, Message-IDs and unsubscribe
   * subject, so that an address in two audiences can tell (and leave) each letter.
   */
  Composer(String from, String title, String audience) throws AddressException {
    this.from = new InternetAddress(from, true);
    this.audience = "main".equals(audience) ? null : audience;
    String slug =
        java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-|-$", "");
    this.listId =
        clean(title)
            + " <"
            + (slug.isEmpty() ? "veille" : slug)
            + (this.audience == null ? "" : "." + this.audience)
            + "."
            + domain()
            + ">";
  }

  private String domain() {
    String a = from.getAddress();
    return a.substring(a.indexOf('@') + 1);
  }

  static String clean(String header) {
    return header.replaceAll("[\\r\\n]+", " ").strip();
  }

  /** A stable id per week and recipient, so that clients can spot a duplicate. */
  String messageId(String week, String recipient) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ((audience == null ? "" : audience + "\n")
                          + week
                          + "\n"
                          + recipient.toLowerCase(Locale.ROOT))
                      .getBytes(StandardCharsets.UTF_8));
      return "<veille."
          + (audience == null ? "" : clean(audience) + ".")
          + clean(week)
          + "."
          + HexFormat.of().formatHex(h, 0, 8)
          + "@"
          + domain()
          + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  MimeMessage compose(Session session, Letter letter, String recipient, Instant now)
      throws MessagingException {
    MimeMessage m = new FixedIdMessage(session, messageId(letter.week(), recipient));
    m.setFrom(from);
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
    m.setSubject(clean(letter.subject()), "UTF-8");
    m.setSentDate(Date.from(now));
    m.setHeader("List-Id", listId);
    m.setHeader("List-Unsubscribe", "<" + unsubscribe(from.getAddress(), audience) + ">");
    m.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(letter.text(), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(letter.html(), "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    m.setContent(alternative);
    m.saveChanges();
    return m;
  }

  /** The unsubscribe link of an audience's letter ({@code audience} null for main). */
  static String unsubscribe(String address, String audience) {
    return "mailto:"
        + address
        + "?subject=unsubscribe"
        + (audience == null || audience.equals("main") ? "" : "%20" + audience);
  }

  /** A message whose Message-ID is ours rather than the library's random one. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
