package org.veille.cli;

/** A bad argument or a bad query: exits 2 with the message, no stack trace. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
