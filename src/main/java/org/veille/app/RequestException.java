package org.veille.app;

/**
 * The user asked for something that cannot be done as asked — an unknown source or item, a bad
 * week, nobody to send to — and the message says what. Front ends show it without a stack trace
 * (the command line exits 2).
 */
public final class RequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RequestException(String message) {
    super(message);
  }
}
