package org.veille.mail;

/** Mail cannot be sent at all (a missing password, a bad sender address); nothing was sent. */
public final class MailException extends Exception {
  private static final long serialVersionUID = 1L;

  public MailException(String message) {
    super(message);
  }
}
