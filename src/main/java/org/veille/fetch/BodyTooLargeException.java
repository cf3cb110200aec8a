package org.veille.fetch;

import java.io.IOException;

/** A body, raw or decompressed, went past {@code max_bytes}. */
final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  BodyTooLargeException(long cap) {
    super("body larger than " + cap + " bytes");
  }
}
