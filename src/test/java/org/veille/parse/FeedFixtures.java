package org.veille.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The feed fixtures of {@code src/test/resources/feeds/}. */
final class FeedFixtures {
  private FeedFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = FeedFixtures.class.getResourceAsStream("/feeds/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture feeds/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
