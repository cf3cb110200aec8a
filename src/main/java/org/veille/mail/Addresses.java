package org.veille.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/** The mailer's judgement of an email address, for the config loader. */
public final class Addresses {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.?[^@\\s<>\"]*");

  private Addresses() {}

  /**
   * What is wrong with {@code value} as the mail library will parse it (RFC 822, strict, with a
   * domain and no line break), or empty when it is a usable address.
   */
  public static Optional<String> problem(String value) {
    try {
      if (value.contains("\r") || value.contains("\n")) {
        throw new AddressException("line break");
      }
      InternetAddress a = new InternetAddress(value, true);
      a.validate();
      if (!EMAIL.matcher(a.getAddress()).matches() || !a.getAddress().contains("@")) {
        throw new AddressException("no domain");
      }
      return Optional.empty();
    } catch (AddressException e) {
      return Optional.of("invalid email address '" + value + "'");
    }
  }
}
